//! `apify-emulator`: a local emulator of the Apify API v2.

mod actors;
mod api;
mod http;
mod routes;
mod server;
mod sim;
mod state;
mod storage;
mod stores;
mod util;

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

struct Args {
    host: String,
    port: u16,
    data_dir: Option<PathBuf>,
    token: Option<String>,
    print_routes: bool,
    verbose: bool,
    request_log: Option<PathBuf>,
}

const USAGE: &str = "usage: apify-emulator [--port N] [--host 127.0.0.1] [--data-dir DIR] [--token T] [--verbose] [--print-routes] [--request-log FILE]";

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        host: "127.0.0.1".into(),
        port: 0,
        data_dir: None,
        token: None,
        print_routes: false,
        verbose: false,
        request_log: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let (k, inline) = match arg.split_once('=') {
            Some((k, v)) if k.starts_with("--") => (k.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut val = |name: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
        };
        match k.as_str() {
            "--port" | "-p" => {
                a.port = val("--port")?
                    .parse()
                    .map_err(|_| format!("invalid port\n{USAGE}"))?
            }
            "--host" => a.host = val("--host")?,
            "--data-dir" => a.data_dir = Some(PathBuf::from(val("--data-dir")?)),
            "--token" => a.token = Some(val("--token")?),
            "--print-routes" => a.print_routes = true,
            "--request-log" => a.request_log = Some(PathBuf::from(val("--request-log")?)),
            "--verbose" | "-v" => a.verbose = true,
            "--help" | "-h" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    Ok(a)
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    if args.print_routes {
        let mut out = std::io::stdout().lock();
        for r in routes::load() {
            if r.served {
                let _ = writeln!(out, "{}\t{}\t{}", r.method, r.template, r.op_id);
            }
        }
        return;
    }
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("cannot start runtime: {e}");
            std::process::exit(1);
        }
    };
    let code = rt.block_on(run(args));
    std::process::exit(code);
}

async fn run(args: Args) -> i32 {
    let global = match &args.data_dir {
        Some(dir) => storage::load(dir),
        None => Default::default(),
    };
    let app = server::App::new(global, args.token.clone(), args.verbose);
    sim::recover(&app);
    if let Some(path) = &args.request_log {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path);
        match file {
            Ok(f) => {
                if let Ok(mut slot) = app.request_log.lock() {
                    *slot = Some(f);
                }
            }
            Err(e) => {
                eprintln!("cannot open --request-log {}: {e}", path.display());
                return 2;
            }
        }
    }
    let addr: SocketAddr = match format!("{}:{}", args.host, args.port).parse() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("invalid address: {e}");
            return 2;
        }
    };
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("cannot bind {addr}: {e}");
            return 1;
        }
    };
    let local = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("cannot read local address: {e}");
            return 1;
        }
    };
    let base = format!("http://{local}");
    if let Ok(mut b) = app.base_url.lock() {
        *b = base.clone();
    }
    {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{base}");
        let _ = out.flush();
    }
    let accept = tokio::spawn(accept_loop(listener, app.clone()));
    shutdown_signal().await;
    accept.abort();
    if let Some(dir) = &args.data_dir {
        if let Err(e) = storage::save(&app, dir) {
            eprintln!("could not save state: {e}");
            return 1;
        }
    }
    0
}

async fn accept_loop(listener: tokio::net::TcpListener, app: Arc<server::App>) {
    loop {
        let (stream, _) = match listener.accept().await {
            Ok(s) => s,
            Err(_) => {
                tokio::time::sleep(std::time::Duration::from_millis(10)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        tokio::spawn(async move {
            let io = hyper_util::rt::TokioIo::new(stream);
            let svc = hyper::service::service_fn(move |req| server::handle(app.clone(), req));
            let _ = hyper::server::conn::http1::Builder::new()
                .keep_alive(true)
                .serve_connection(io, svc)
                .await;
        });
    }
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
        ) {
            (Ok(mut t), Ok(mut i)) => {
                tokio::select! {
                    _ = t.recv() => {}
                    _ = i.recv() => {}
                }
            }
            _ => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
