package org.jinlin.accounts.internal;

import lombok.RequiredArgsConstructor;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
@RequiredArgsConstructor
class AccountUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	@Override
	public UserDetails loadUserByUsername(String username) {
		return accounts.findPrincipal(username).orElseThrow(() -> new UsernameNotFoundException("Unknown account"));
	}
}
