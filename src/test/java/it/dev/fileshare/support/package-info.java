/**
 * What the end-to-end tests ({@code it.dev.fileshare}, the {@code *IT} classes) share: where their servers answer
 * ({@link it.dev.fileshare.support.FileshareServer}), a client of the API and its answers, problem+json checks, test
 * contents and the Node scripts of the client tests. Depends on nothing of the service's own code: these tests speak
 * HTTP only.
 */
package it.dev.fileshare.support;
