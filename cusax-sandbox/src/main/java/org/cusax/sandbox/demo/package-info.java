/**
 * The sandbox's demo data: the accounts a person logs in as, their contacts with realistic vCards (mixed
 * telephone formats, a SIP URI, a vCard4-only contact, one without a number) and the client configuration
 * file written for each.
 */
package org.cusax.sandbox.demo;
