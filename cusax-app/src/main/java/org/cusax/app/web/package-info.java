/**
 * The local web client: static page and scripts served by the daemon, one-time sign-in links and the
 * HttpOnly session cookie the page uses instead of the API token.
 */
package org.cusax.app.web;
