//! The open-file limit: every participant holds one socket, so a run of 1,000 participants
//! needs more than the common soft limit of 1,024 descriptors. Raise the soft limit towards
//! the hard one when the run needs it.

/// Descriptors a run needs beyond its sockets (stdio, the runtime, HTTP calls).
const SPARE: u64 = 256;

/// What happened to the limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Limit {
    Enough {
        soft: u64,
    },
    Raised {
        from: u64,
        to: u64,
    },
    /// The hard limit is below what the run needs: raise it (`ulimit -Hn`) or run fewer.
    TooLow {
        soft: u64,
        hard: u64,
        needed: u64,
    },
}

/// Descriptors needed for `sockets` simultaneous connections.
pub fn needed(sockets: usize) -> u64 {
    sockets as u64 + SPARE
}

/// Makes sure the soft `RLIMIT_NOFILE` is at least `needed`, within the hard limit.
pub fn ensure_open_files(needed: u64) -> Result<Limit, String> {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes into the struct we own; no other memory is touched.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) } != 0 {
        return Err(format!("getrlimit: {}", std::io::Error::last_os_error()));
    }
    // `rlim_t` is not `u64` on every platform.
    #[allow(clippy::unnecessary_cast)]
    let (soft, hard) = (lim.rlim_cur as u64, lim.rlim_max as u64);
    if soft >= needed {
        return Ok(Limit::Enough { soft });
    }
    let target = needed.min(hard);
    let new = libc::rlimit {
        rlim_cur: target as libc::rlim_t,
        rlim_max: lim.rlim_max,
    };
    // SAFETY: setrlimit only reads the struct we pass.
    if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &new) } != 0 {
        return Err(format!("setrlimit: {}", std::io::Error::last_os_error()));
    }
    if target < needed {
        return Ok(Limit::TooLow {
            soft: target,
            hard,
            needed,
        });
    }
    Ok(Limit::Raised {
        from: soft,
        to: target,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_need_is_already_met() {
        assert_eq!(needed(20), 276);
        assert!(matches!(ensure_open_files(64), Ok(Limit::Enough { .. })));
    }
}
