package io.polymart.backends;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/** Real clients over real connections to the embedded backends, for the tests. */
final class Clients {

  private Clients() {}

  /** A JDBC connection built from {@link EmbeddedBackends#postgresUrl()} (checks its form on the way). */
  static Connection postgres(EmbeddedBackends backends) throws Exception {
    URI uri = URI.create(backends.postgresUrl().orElseThrow());
    assertThat(uri.getScheme()).isEqualTo("postgresql");
    assertThat(uri.getHost()).isEqualTo("127.0.0.1");
    String[] userInfo = uri.getUserInfo().split(":", 2);
    Properties props = new Properties();
    props.setProperty("user", userInfo[0]);
    props.setProperty("password", userInfo[1]);
    return DriverManager.getConnection("jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath(),
        props);
  }

  static Resp redis(EmbeddedBackends backends) throws Exception {
    URI uri = URI.create(backends.redisUrl().orElseThrow());
    assertThat(uri.getScheme()).isEqualTo("redis");
    assertThat(uri.getHost()).isEqualTo("127.0.0.1");
    return new Resp(uri.getPort());
  }

  static void produce(EmbeddedBackends backends, String topic, String key, String value) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, backends.kafkaBootstrapServers().orElseThrow());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }

  /** Reads the topic from the beginning with a new consumer group until a record with that key shows up. */
  static String consume(EmbeddedBackends backends, String topic, String key, Duration timeout) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, backends.kafkaBootstrapServers().orElseThrow());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      List<String> seen = new ArrayList<>();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          if (key.equals(r.key())) {
            return r.value();
          }
          seen.add(r.key());
        }
      }
      throw new AssertionError("no record with key " + key + " in " + topic + " within " + timeout + ", saw " + seen);
    }
  }

  static MongoClient mongo(EmbeddedBackends backends) {
    String url = backends.mongoUrl().orElseThrow();
    assertThat(url).startsWith("mongodb://127.0.0.1:");
    return MongoClients.create(url);
  }

  static Document insertAndFind(MongoClient client, String collection, Document doc) {
    var coll = client.getDatabase("polymart").getCollection(collection);
    coll.insertOne(doc);
    return coll.find(new Document("_id", doc.get("_id"))).first();
  }

  static MinioClient minio(EmbeddedBackends backends) {
    S3Endpoint s3 = backends.s3().orElseThrow();
    assertThat(s3.url()).startsWith("http://127.0.0.1:");
    return MinioClient.builder().endpoint(s3.url()).credentials(s3.accessKey(), s3.secretKey()).build();
  }

  static void put(MinioClient minio, String bucket, String object, String content) throws Exception {
    if (!minio.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
      minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
    }
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    minio.putObject(PutObjectArgs.builder().bucket(bucket).object(object)
        .stream(new ByteArrayInputStream(bytes), bytes.length, -1).contentType("text/plain").build());
  }

  static String get(MinioClient minio, String bucket, String object) throws Exception {
    try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket(bucket).object(object).build())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
