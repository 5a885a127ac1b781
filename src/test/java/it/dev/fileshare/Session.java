package it.dev.fileshare;

/** A registered user with a live token, as most tests need one. */
record Session(String username, String password, String token) {}
