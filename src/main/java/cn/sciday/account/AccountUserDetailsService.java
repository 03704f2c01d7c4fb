package cn.sciday.account;

import java.time.Clock;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.web.Role;

/** Loads staff accounts for the login form; public users log in with a mobile code instead. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository repo;
    private final Accounts accounts;
    private final Clock clock;

    AccountUserDetailsService(AccountRepository repo, Accounts accounts, Clock clock) {
        this.repo = repo;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        Account a = repo.findByUsername(username == null ? "" : username.strip())
                .filter(x -> x.role != Role.PUBLIC && x.passwordHash != null)
                .orElseThrow(() -> new UsernameNotFoundException("no such staff account"));
        return new SciDayPrincipal(accounts.actor(a), a.passwordHash, a.enabled, a.isLocked(clock.instant()));
    }
}
