/**
 * The web app's static files (the bundle the build makes from src/main/webapp-src), served at {@code /} with a
 * strict Content-Security-Policy. It depends on no other package: the app reaches the service through the API only.
 */
package dev.fileshare.web;
