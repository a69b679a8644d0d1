//! Command-line options: parsing, defaults and the loopback-only rule for the target.

use std::path::PathBuf;
use std::time::Duration;

pub const USAGE: &str = "\
sommelier-loadgen: plays real tastings against a local Sommelier Arena stack.

USAGE: sommelier-loadgen [OPTIONS]

  --base-url URL       the stack, loopback only       [http://127.0.0.1:8787]
  --sessions S         sessions played at once        [1]
  --players N          participants per session (1-1000) [20]
  --wines W            wines per tasting (1-30), 5 questions each [1]
  --timer SECONDS      question timer (15-120)        [60]
  --reveal MODE        host: the host reveals as soon as every answer is acknowledged;
                       timer: nobody reveals, the server's timer does  [host]
  --change-every K     every K-th participant changes its answer once (0: nobody) [3]
  --step-timeout SECS  longest wait for one step (a join storm, a fan-out) [60]
  --timeout SECS       the whole run stops after this long [900]
  --json PATH          also write the report as JSON
  --seed N             seed for the participants' choices [1]
  --no-host-form       skip the host form's GET /api/answers before creating a session
  --connect-first      diagnostics: all participants of a session open their sockets first,
                       then all send join_session at once (splits upgrade and join costs)
  --start-delay-ms MS  diagnostics: the host waits this long after the join storm before
                       host:start (lets the server settle first) [0]
  -h, --help           this text

Exit status: 0 when every join, answer and check succeeded; 1 on any error or lost answer;
2 on bad options; 3 when the overall timeout hit.";

/// Who closes each question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevealMode {
    /// The host sends `host:reveal` once every participant's answer is acknowledged.
    Host,
    /// Nobody does: the server reveals when the question's timer runs out.
    Timer,
}

impl RevealMode {
    pub fn as_str(self) -> &'static str {
        match self {
            RevealMode::Host => "host",
            RevealMode::Timer => "timer",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// `http://host:port` without a trailing slash.
    pub base_url: String,
    /// `host:port` for TCP connections.
    pub addr: String,
    pub sessions: usize,
    pub players: usize,
    pub wines: usize,
    pub timer_seconds: u32,
    pub reveal: RevealMode,
    pub change_every: usize,
    pub step_timeout: Duration,
    pub timeout: Duration,
    pub json: Option<PathBuf>,
    pub seed: u64,
    pub host_form: bool,
    pub connect_first: bool,
    pub start_delay: Duration,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            base_url: "http://127.0.0.1:8787".into(),
            addr: "127.0.0.1:8787".into(),
            sessions: 1,
            players: 20,
            wines: 1,
            timer_seconds: 60,
            reveal: RevealMode::Host,
            change_every: 3,
            step_timeout: Duration::from_secs(60),
            timeout: Duration::from_secs(900),
            json: None,
            seed: 1,
            host_form: true,
            connect_first: false,
            start_delay: Duration::ZERO,
        }
    }
}

/// What the command line asked for.
#[derive(Debug, PartialEq)]
pub enum Command {
    Run(Config),
    Help,
}

impl Config {
    /// `ws://host:port`, the WebSocket origin of the stack.
    pub fn ws_base(&self) -> String {
        format!("ws://{}", self.addr)
    }
}

/// Parses the arguments after the program name.
pub fn parse_args<I: IntoIterator<Item = String>>(args: I) -> Result<Command, String> {
    let mut cfg = Config::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs {what}"))
        };
        match name.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--base-url" => {
                let url = value("a URL")?;
                cfg.addr = loopback_addr(&url)?;
                cfg.base_url = format!("http://{}", cfg.addr);
            }
            "--sessions" => cfg.sessions = number(&name, &value("a number")?, 1, 500)?,
            "--players" => cfg.players = number(&name, &value("a number")?, 1, 1000)?,
            "--wines" => cfg.wines = number(&name, &value("a number")?, 1, 30)?,
            "--timer" => cfg.timer_seconds = number(&name, &value("seconds")?, 15, 120)?,
            "--reveal" => {
                cfg.reveal = match value("host or timer")?.as_str() {
                    "host" => RevealMode::Host,
                    "timer" => RevealMode::Timer,
                    other => return Err(format!("--reveal must be host or timer, not {other}")),
                }
            }
            "--change-every" => cfg.change_every = number(&name, &value("a number")?, 0, 1000)?,
            "--step-timeout" => {
                cfg.step_timeout = Duration::from_secs(number(&name, &value("seconds")?, 1, 3600)?)
            }
            "--timeout" => {
                cfg.timeout = Duration::from_secs(number(&name, &value("seconds")?, 1, 86_400)?)
            }
            "--json" => cfg.json = Some(PathBuf::from(value("a path")?)),
            "--seed" => cfg.seed = number(&name, &value("a number")?, 0, u64::MAX)?,
            "--no-host-form" => cfg.host_form = false,
            "--connect-first" => cfg.connect_first = true,
            "--start-delay-ms" => {
                cfg.start_delay =
                    Duration::from_millis(number(&name, &value("milliseconds")?, 0, 600_000)?)
            }
            _ => return Err(format!("unknown option {arg} (see --help)")),
        }
    }
    Ok(Command::Run(cfg))
}

fn number<T>(name: &str, text: &str, min: T, max: T) -> Result<T, String>
where
    T: std::str::FromStr + PartialOrd + std::fmt::Display + Copy,
{
    let n: T = text
        .trim()
        .parse()
        .map_err(|_| format!("{name} must be a number, not {text:?}"))?;
    if n < min || n > max {
        return Err(format!("{name} must be between {min} and {max}"));
    }
    Ok(n)
}

/// Checks that `url` is plain `http://` to a loopback host and returns its `host:port`.
/// The load must stay on this machine, so anything else is refused.
pub fn loopback_addr(url: &str) -> Result<String, String> {
    let rest = url
        .strip_prefix("http://")
        .ok_or_else(|| format!("--base-url must start with http:// (got {url})"))?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Err("--base-url must not carry credentials".into());
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) if !h.is_empty() && !p.contains(']') => {
            let port: u16 = p
                .parse()
                .map_err(|_| format!("bad port in --base-url: {p:?}"))?;
            (h, port)
        }
        _ => (authority, 80),
    };
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let loopback = bare.eq_ignore_ascii_case("localhost")
        || bare
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    if !loopback {
        return Err(format!(
            "--base-url must point at this machine (127.0.0.1, ::1 or localhost), not {host}"
        ));
    }
    // Resolve `localhost` ourselves so no resolver is involved.
    let host = if bare.eq_ignore_ascii_case("localhost") {
        "127.0.0.1".to_string()
    } else {
        host.to_string()
    };
    Ok(format!("{host}:{port}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Command, String> {
        parse_args(args.iter().map(|s| s.to_string()))
    }

    fn run(args: &[&str]) -> Config {
        match parse(args) {
            Ok(Command::Run(c)) => c,
            other => panic!("expected a run, got {other:?}"),
        }
    }

    #[test]
    fn defaults_and_every_option() {
        assert_eq!(run(&[]), Config::default());
        let c = run(&[
            "--base-url",
            "http://127.0.0.1:9000/",
            "--sessions=3",
            "--players",
            "1000",
            "--wines",
            "2",
            "--timer",
            "15",
            "--reveal",
            "timer",
            "--change-every",
            "0",
            "--step-timeout",
            "5",
            "--timeout",
            "60",
            "--json",
            "out.json",
            "--seed",
            "42",
            "--no-host-form",
            "--connect-first",
            "--start-delay-ms",
            "1500",
        ]);
        assert_eq!(c.addr, "127.0.0.1:9000");
        assert_eq!(c.base_url, "http://127.0.0.1:9000");
        assert_eq!(c.ws_base(), "ws://127.0.0.1:9000");
        assert_eq!(
            (c.sessions, c.players, c.wines, c.timer_seconds),
            (3, 1000, 2, 15)
        );
        assert_eq!(c.reveal, RevealMode::Timer);
        assert_eq!(c.change_every, 0);
        assert_eq!(c.step_timeout, Duration::from_secs(5));
        assert_eq!(c.timeout, Duration::from_secs(60));
        assert_eq!(c.json, Some(PathBuf::from("out.json")));
        assert_eq!(c.seed, 42);
        assert!(!c.host_form);
        assert!(c.connect_first);
        assert_eq!(c.start_delay, Duration::from_millis(1500));
        assert_eq!(parse(&["--help"]), Ok(Command::Help));
    }

    #[test]
    fn refuses_out_of_range_and_unknown_options() {
        assert!(parse(&["--players", "1001"]).is_err());
        assert!(parse(&["--players", "0"]).is_err());
        assert!(parse(&["--timer", "10"]).is_err());
        assert!(parse(&["--wines", "31"]).is_err());
        assert!(parse(&["--players"]).is_err());
        assert!(parse(&["--players", "many"]).is_err());
        assert!(parse(&["--reveal", "never"]).is_err());
        assert!(parse(&["--frobnicate"]).is_err());
    }

    #[test]
    fn only_loopback_targets_are_accepted() {
        assert_eq!(
            loopback_addr("http://127.0.0.1:8787").unwrap(),
            "127.0.0.1:8787"
        );
        assert_eq!(
            loopback_addr("http://localhost:8787/x").unwrap(),
            "127.0.0.1:8787"
        );
        assert_eq!(loopback_addr("http://127.0.0.2").unwrap(), "127.0.0.2:80");
        assert_eq!(loopback_addr("http://[::1]:8787").unwrap(), "[::1]:8787");
        for bad in [
            "https://127.0.0.1:8787",
            "http://10.0.0.1:8787",
            "http://example.com",
            "http://127.0.0.1.example.com:80",
            "http://user@127.0.0.1:8787",
            "http://0.0.0.0:8787",
            "ws://127.0.0.1:8787",
            "http://127.0.0.1:99999",
        ] {
            assert!(loopback_addr(bad).is_err(), "{bad} should be refused");
        }
    }
}
