package dev.fileshare.api;

/** A request body record that {@link JsonRequestReader} binds from a JSON object. */
public interface JsonRequest {}
