package io.polymart.backends;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The H2 type of a collection's documents: written as BSON (mongo-java-server's own encoding, the form in which a
 * document reaches the server and leaves it) after a tag byte. H2's default type Java-serialises each document, a
 * stream with kilobytes of buffers and class descriptors, whenever a page is stored or loaded.
 * <p>
 * A document BSON would not give back as it is (a map that is not a {@code Document}, a collection that is not a
 * list, a field name with a NUL, a kind of value BSON has not) is Java-serialised as before, and so are the documents
 * written before: both are read.
 */
final class BsonDocumentType extends BasicDataType<Document> {
  /** First byte of a document written as BSON; any byte but {@link JavaSerialised#TAG}. */
  private static final byte BSON = 'B';
  /** Estimates of the heap a document's parts take: an entry of a map or list, a map or list, a value. */
  private static final int ENTRY = 40;
  private static final int CONTAINER = 64;
  private static final int VALUE = 24;
  /** Per map: H2's type remembers the last kind of value it read or wrote. */
  private final ObjectDataType serialised = new ObjectDataType();

  @Override
  public int getMemory(Document document) {
    return memoryOf(document);
  }

  /** A walk rather than H2's running average of written sizes, which is 10 KB a document until one is written. */
  private static int memoryOf(Object value) {
    if (value instanceof Map<?, ?> map) {
      int memory = CONTAINER;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        memory += ENTRY + memoryOf(entry.getKey()) + memoryOf(entry.getValue());
      }
      return memory;
    }
    if (value instanceof List<?> list) {
      int memory = CONTAINER;
      for (Object element : list) {
        memory += ENTRY + memoryOf(element);
      }
      return memory;
    }
    if (value instanceof String string) {
      return VALUE + 24 + string.length();
    }
    return VALUE;
  }

  @Override
  public void write(WriteBuffer buffer, Document document) {
    if (!keepsItsShapeInBson(document)) {
      serialised.write(buffer, document);
      return;
    }
    ByteBuf bson = Unpooled.buffer(256);
    try {
      BsonEncoder.encodeDocument(document, bson);
    } catch (IllegalArgumentException notInBson) {
      serialised.write(buffer, document);
      return;
    }
    buffer.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
  }

  @Override
  public Document read(ByteBuffer buffer) {
    if (JavaSerialised.isNext(buffer)) {
      return (Document) serialised.read(buffer);
    }
    buffer.get();
    ByteBuf bson = Unpooled.wrappedBuffer(buffer);
    Document document = BsonDecoder.decodeBson(bson);
    buffer.position(buffer.position() + bson.readerIndex());
    return document;
  }

  private static boolean keepsItsShapeInBson(Object value) {
    if (value instanceof Document document) {
      for (Map.Entry<String, Object> field : document.entrySet()) {
        if (field.getKey().indexOf('\0') >= 0 || !keepsItsShapeInBson(field.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (value instanceof List<?> list) {
      for (Object element : list) {
        if (!keepsItsShapeInBson(element)) {
          return false;
        }
      }
      return true;
    }
    return !(value instanceof Map<?, ?>) && !(value instanceof Collection<?>);
  }

  @Override
  public Document[] createStorage(int size) {
    return new Document[size];
  }
}
