package io.ringlab.election.impl;

import io.ringlab.election.message.RoundId;

/**
 * Advice heard from others: {@code node} is (or may be) down until {@code until} on this node's clock,
 * after {@code round} (NONE if unknown). Used only to start no round meanwhile; safety does not rest on it.
 */
record KnownDown(RoundId round, String node, long until) {}
