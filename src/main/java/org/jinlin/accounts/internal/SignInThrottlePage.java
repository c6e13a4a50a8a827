package org.jinlin.accounts.internal;

import java.util.List;

/** One page of running sign-in throttles, latest first. {@code page} counts from 0. */
public record SignInThrottlePage(List<SignInThrottleView> items, int page, int size, long total) {
}
