package org.jinlin.portal.web;

/**
 * One number on the home page that needs someone today, linking to the filtered list it counts.
 *
 * @param key names the messages {@code home.overview.<key>}, {@code .alert} and {@code .none}
 * @param count the number, in the account's (focused) jurisdiction
 * @param path the list it counts
 */
public record HomeFigure(String key, long count, String path) {
}
