package org.jinlin.accounts.internal;

/**
 * Sends a text message to a mobile phone. In {@code prod} an HTTP provider ({@link HttpSmsGateway}); elsewhere the
 * {@link SmsOutbox}, which keeps the messages for administrators instead of sending them. Implementations never log
 * the phone or the text.
 */
public interface SmsGateway {

	void send(String phone, String text);
}
