/**
 * Helpers for cusax-media's own tests: awaiting what media threads do (packets counted, digits reported)
 * without sleeping.
 */
package org.cusax.media.testing;
