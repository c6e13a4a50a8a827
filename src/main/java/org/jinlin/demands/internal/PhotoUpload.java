package org.jinlin.demands.internal;

/** A photo as uploaded: JPEG, PNG or WebP, at most {@value DemandChecks#PHOTO_MAX_BYTES} bytes. */
public record PhotoUpload(String contentType, byte[] bytes) {
}
