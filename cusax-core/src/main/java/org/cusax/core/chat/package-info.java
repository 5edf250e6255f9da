/**
 * One-to-one chat over the XMPP half: messages, their delivery states, and the outbox that keeps a
 * message sent while Chat is down until the server has it.
 */
package org.cusax.core.chat;
