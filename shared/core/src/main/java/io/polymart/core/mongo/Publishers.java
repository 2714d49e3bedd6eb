package io.polymart.core.mongo;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.util.ArrayList;
import java.util.List;

/** Adapts Reactive Streams publishers (the MongoDB driver) to Vert.x futures on the caller's context. */
public final class Publishers {
  private Publishers() {
  }

  public static <T> Future<List<T>> collect(Vertx vertx, Publisher<T> publisher) {
    Context context = vertx.getOrCreateContext();
    Promise<List<T>> promise = Promise.promise();
    publisher.subscribe(new Subscriber<T>() {
      private final List<T> items = new ArrayList<>();

      @Override
      public void onSubscribe(Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(T item) {
        items.add(item);
      }

      @Override
      public void onError(Throwable error) {
        context.runOnContext(v -> promise.tryFail(error));
      }

      @Override
      public void onComplete() {
        context.runOnContext(v -> promise.tryComplete(items));
      }
    });
    return promise.future();
  }

  public static <T> Future<T> first(Vertx vertx, Publisher<T> publisher) {
    return collect(vertx, publisher).map(items -> items.isEmpty() ? null : items.get(0));
  }
}
