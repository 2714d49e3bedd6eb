package io.polymart.gateway;

import io.polymart.core.error.ServiceException;
import io.vertx.core.file.FileSystem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The multipart image upload: the file part goes to a temporary file (deleted when the request ends), then its
 * bytes travel to the catalog, which decides from the bytes alone whether it is an image it accepts.
 */
final class ImageUploads {
  static final String FILE_PART = "file";
  /** Room for the multipart framing and the small form fields around the file. */
  private static final long MULTIPART_OVERHEAD = 64 * 1024;
  private final FileSystem fileSystem;
  private final BusForwarder forwarder;

  ImageUploads(FileSystem fileSystem, BusForwarder forwarder) {
    this.fileSystem = fileSystem;
    this.forwarder = forwarder;
  }

  static BodyHandler bodyHandler(String uploadsDirectory, long maxImageBytes) {
    return BodyHandler.create(uploadsDirectory).setBodyLimit(maxImageBytes + MULTIPART_OVERHEAD)
        .setDeleteUploadedFilesOnEnd(true).setHandleFileUploads(true);
  }

  void forward(RoutingContext ctx, ApiOperation route) {
    String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (contentType == null || !contentType.toLowerCase().startsWith("multipart/form-data")) {
      ErrorResponses.send(ctx, new ServiceException(415, "UNSUPPORTED_MEDIA_TYPE",
          "Send the image as multipart/form-data with a part named \"file\"", null, null));
      return;
    }
    FileUpload file = ctx.fileUploads().stream().filter(upload -> FILE_PART.equals(upload.name())).findFirst()
        .orElse(null);
    if (file == null) {
      ErrorResponses.send(ctx, ServiceException.invalidField(FILE_PART, "is required"));
      return;
    }
    String cover = ctx.request().getFormAttribute("cover");
    if (cover != null && !cover.equals("true") && !cover.equals("false")) {
      ErrorResponses.send(ctx, ServiceException.invalidField("cover", "must be true or false"));
      return;
    }
    fileSystem.readFile(file.uploadedFileName()).onComplete(read -> {
      if (read.failed()) {
        ErrorResponses.send(ctx, ServiceException.internal());
        return;
      }
      forwarder.send(ctx, route, new JsonObject().put("file", read.result().getBytes())
          .put("cover", Boolean.parseBoolean(cover)));
    });
  }
}
