/**
 * The end-to-end tests ({@code *IT}): real HTTP against a Liberty server the build starts, run by failsafe once
 * in local mode and once in aws mode (on the stand-ins), with the helpers they share to reach that server, call
 * the API and check its answers.
 *
 * <p>May depend on HTTP, the clients generated from the published contract ({@code dev.fileshare.client}) and the
 * build's Node tools; never on the service's own classes, so that they see only what a client sees.
 */
package it.dev.fileshare;
