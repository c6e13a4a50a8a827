/**
 * Accounts, roles, API keys and sign-in: who may act, bound to which node of the territory.
 * Publishes {@link org.jinlin.accounts.SignedIn}, {@link org.jinlin.accounts.SignInFailed} and
 * {@link org.jinlin.accounts.AccountPermissionsChanged} for the audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.jinlin.accounts;
