package io.polymart.backends;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The H2 type of a unique index's keys: ordered by their values, as MongoDB orders them, instead of by their Java
 * serialisation. H2's default type serialises both keys of every comparison it cannot make otherwise (an index key
 * is a {@code KeyValue}), several times per index lookup.
 * <p>
 * A key is written as a tag, the number of its values and each value in H2's own encoding (strings and numbers
 * compactly; Java serialisation only for kinds H2 does not know, such as an ObjectId). Keys written before were
 * Java-serialised whole, a stream of several KB of buffers for a key of a few bytes, each time a page was stored:
 * they are still read.
 * <p>
 * Keys whose values MongoDB finds equal but which are not equal (which a unique index keeps apart) are ordered by
 * their serialised bytes, as before, so that the order stays total and consistent with {@code equals}.
 */
final class KeyValueType extends BasicDataType<KeyValue> {
  private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();
  /** First byte of a key written value by value; any byte but {@link JavaSerialised#TAG}. */
  private static final byte BY_VALUE = 'K';
  /** The bytes of a key beyond its values': the KeyValue, its list and the list's array. */
  private static final int KEY_OVERHEAD = 64;
  /** Per map: H2's type remembers the last kind of value it read or wrote. */
  private final ObjectDataType values = new ObjectDataType();

  @Override
  public int compare(KeyValue a, KeyValue b) {
    if (a == b) {
      return 0;
    }
    int byValue;
    try {
      byValue = compareValues(a, b);
    } catch (UnsupportedOperationException e) {
      byValue = 0; // a kind of value MongoDB's order leaves out (a regular expression): the bytes decide
    }
    if (byValue != 0 || a.equals(b)) {
      return byValue;
    }
    return ObjectDataType.compareNotNull(ObjectDataType.serialize(a), ObjectDataType.serialize(b));
  }

  private static int compareValues(KeyValue a, KeyValue b) {
    int common = Math.min(a.size(), b.size());
    for (int i = 0; i < common; i++) {
      int byValue = VALUES.compare(a.get(i), b.get(i));
      if (byValue != 0) {
        return byValue;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  @Override
  public int getMemory(KeyValue key) {
    int memory = KEY_OVERHEAD;
    for (Object value : key) {
      memory += values.getMemory(value);
    }
    return memory;
  }

  @Override
  public void write(WriteBuffer buffer, KeyValue key) {
    buffer.put(BY_VALUE).putVarInt(key.size());
    for (Object value : key) {
      values.write(buffer, value);
    }
  }

  @Override
  public KeyValue read(ByteBuffer buffer) {
    if (JavaSerialised.isNext(buffer)) {
      return (KeyValue) values.read(buffer);
    }
    buffer.get();
    Object[] read = new Object[DataUtils.readVarInt(buffer)];
    for (int i = 0; i < read.length; i++) {
      read[i] = values.read(buffer);
    }
    return new KeyValue(read);
  }

  @Override
  public KeyValue[] createStorage(int size) {
    return new KeyValue[size];
  }
}
