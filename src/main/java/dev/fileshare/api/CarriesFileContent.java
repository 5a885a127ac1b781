package dev.fileshare.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@link JsonRequest} that carries a file's content, whose body may be as large as a JSON upload. Every
 * other request body holds a few short fields and is held to {@link JsonRequestReader#SMALL_BODY_BYTES}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CarriesFileContent {}
