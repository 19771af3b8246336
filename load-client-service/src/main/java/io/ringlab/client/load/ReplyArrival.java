package io.ringlab.client.load;

/** A reply as it arrived: its payload and the time it was received. */
record ReplyArrival(byte[] payload, long arrivedNanos) {}
