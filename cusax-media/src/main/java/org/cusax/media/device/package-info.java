/**
 * The machine's microphone and speaker through Java Sound ({@code javax.sound.sampled}): device listing and
 * choice by name, a capture source and a playback sink that run their device on their own thread and meet
 * the RTP thread in a bounded frame buffer, so a slow or missing device never blocks a call.
 */
package org.cusax.media.device;
