package org.jinlin.alarms.internal;

/**
 * Registers (or changes) an account as a responder: its user name, duty role, the territory code it serves
 * (defaults to the account's own node) and its duty status.
 */
public record ResponderDraft(String username, String role, String territoryCode, String dutyStatus) {
}
