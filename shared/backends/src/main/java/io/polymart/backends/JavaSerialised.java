package io.polymart.backends;

import java.nio.ByteBuffer;

/** Values H2's default type ({@code ObjectDataType}) wrote by Java serialisation, which the stand-in still reads. */
final class JavaSerialised {
  /** H2's first byte of a Java-serialised object ({@code ObjectDataType.TYPE_SERIALIZED_OBJECT}, not public). */
  static final byte TAG = 19;

  private JavaSerialised() {
  }

  /** Whether the value at the buffer's position was written that way (the position does not move). */
  static boolean isNext(ByteBuffer buffer) {
    return buffer.get(buffer.position()) == TAG;
  }
}
