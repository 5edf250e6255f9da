/**
 * Benchmarks of the contact list of {@code cusax-core}: caller-ID lookup in the tel index, address
 * normalization and contact-book updates, on contact books built by {@link org.cusax.bench.contact.ContactFixtures}.
 */
package org.cusax.bench.contact;
