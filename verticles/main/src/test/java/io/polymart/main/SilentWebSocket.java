package io.polymart.main;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A bare WebSocket client on a plain socket that never answers pings, to watch the server give up on it. */
final class SilentWebSocket implements AutoCloseable {
  private static final int CLOSE = 0x8;
  private static final int PING = 0x9;
  private final Socket socket;
  private final DataInputStream in;
  private int pings;

  private SilentWebSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
  }

  static SilentWebSocket open(String bearerToken) throws IOException {
    Socket socket = new Socket("127.0.0.1", TestPlatform.config().getJsonObject("http").getInteger("port"));
    socket.setSoTimeout(10_000);
    socket.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        + "Authorization: Bearer " + bearerToken + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    SilentWebSocket ws = new SilentWebSocket(socket);
    assertThat(ws.readLine()).startsWith("HTTP/1.1 101");
    while (!ws.readLine().isEmpty()) {
      // the rest of the handshake's headers
    }
    return ws;
  }

  /** Reads (unmasked, server-sent) frames until a close frame and answers its status code. */
  int awaitClose() throws IOException {
    while (true) {
      int opcode = in.readUnsignedByte() & 0x0F;
      int length = in.readUnsignedByte() & 0x7F;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = (int) in.readLong();
      }
      byte[] payload = in.readNBytes(length);
      if (opcode == PING) {
        pings++;
      } else if (opcode == CLOSE) {
        return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
      }
    }
  }

  int pings() {
    return pings;
  }

  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    InputStream raw = in;
    for (int c = raw.read(); c != '\n' && c != -1; c = raw.read()) {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
