package dev.fileshare.core.model;

/** One reason a request field was rejected, named by the field as the client sent it. */
public record FieldError(String field, String message) {}
