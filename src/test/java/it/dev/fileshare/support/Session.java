package it.dev.fileshare.support;

/** A registered user with a live token, as most tests need one. */
public record Session(String username, String password, String token) {}
