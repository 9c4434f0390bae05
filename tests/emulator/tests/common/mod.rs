//! Test harness: spawns the emulator binary and speaks raw HTTP/1.1 over a TcpStream, so the
//! tests can also observe connection resets and truncated bodies exactly.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct Emu {
    pub child: Child,
    pub base: String,
    pub addr: String,
}

impl Emu {
    pub fn start() -> Emu {
        Emu::start_with(&[])
    }
    pub fn start_with(args: &[&str]) -> Emu {
        let mut child = Command::new(env!("CARGO_BIN_EXE_apify-emulator"))
            .args(["--port", "0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn emulator");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read base url");
        let base = line.trim().to_string();
        assert!(
            base.starts_with("http://127.0.0.1:"),
            "unexpected first line {base:?}"
        );
        let addr = base.trim_start_matches("http://").to_string();
        Emu { child, base, addr }
    }
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
    /// Sends SIGTERM and waits (bounded) for a clean exit; returns the exit code.
    pub fn terminate(mut self) -> Option<i32> {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        for _ in 0..100 {
            if let Ok(Some(st)) = self.child.try_wait() {
                return st.code();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }
    pub fn req(&self, method: &str, path: &str) -> Req<'_> {
        Req {
            emu: self,
            method: method.into(),
            path: path.into(),
            headers: vec![],
            body: vec![],
            timeout: Duration::from_secs(20),
        }
    }
    pub fn get(&self, token: &str, path: &str) -> Resp {
        self.req("GET", path).token(token).send()
    }
    pub fn post_json(&self, token: &str, path: &str, body: &str) -> Resp {
        self.req("POST", path).token(token).json(body).send()
    }
    pub fn put_json(&self, token: &str, path: &str, body: &str) -> Resp {
        self.req("PUT", path).token(token).json(body).send()
    }
    pub fn delete(&self, token: &str, path: &str) -> Resp {
        self.req("DELETE", path).token(token).send()
    }
}

impl Drop for Emu {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct Req<'a> {
    emu: &'a Emu,
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    timeout: Duration,
}

impl Req<'_> {
    pub fn token(self, t: &str) -> Self {
        self.header("Authorization", &format!("Bearer {t}"))
    }
    pub fn header(mut self, k: &str, v: &str) -> Self {
        self.headers.push((k.into(), v.into()));
        self
    }
    pub fn json(self, body: &str) -> Self {
        self.header("Content-Type", "application/json")
            .body(body.as_bytes())
    }
    pub fn body(mut self, b: &[u8]) -> Self {
        self.body = b.to_vec();
        self
    }
    pub fn timeout(mut self, d: Duration) -> Self {
        self.timeout = d;
        self
    }
    pub fn send(self) -> Resp {
        self.try_send().expect("request failed")
    }
    pub fn try_send(self) -> Result<Resp, String> {
        let mut s = TcpStream::connect(&self.emu.addr).map_err(|e| e.to_string())?;
        s.set_read_timeout(Some(self.timeout)).ok();
        let mut head = format!(
            "{} {} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.method, self.path, self.emu.addr
        );
        for (k, v) in &self.headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str(&format!("Content-Length: {}\r\n\r\n", self.body.len()));
        s.write_all(head.as_bytes()).map_err(|e| e.to_string())?;
        // A server may answer (e.g. 413) before reading the whole body; still read the answer.
        let _ = s.write_all(&self.body);
        let mut raw = Vec::new();
        match s.read_to_end(&mut raw) {
            Ok(_) => {}
            Err(e)
                if e.kind() == std::io::ErrorKind::WouldBlock
                    || e.kind() == std::io::ErrorKind::TimedOut =>
            {
                return Err("timeout".into())
            }
            Err(e) if raw.is_empty() => return Err(format!("io: {e}")),
            Err(_) => {}
        }
        parse(&raw, self.method == "HEAD")
    }
}

#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// The body was shorter than Content-Length (or the chunked stream was cut).
    pub incomplete: bool,
}

impl Resp {
    pub fn header(&self, k: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(k))
            .map(|(_, v)| v.as_str())
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("invalid JSON ({e}): {}", self.text()))
    }
    pub fn data(&self) -> serde_json::Value {
        self.json()["data"].clone()
    }
    pub fn err_type(&self) -> String {
        self.json()["error"]["type"]
            .as_str()
            .unwrap_or("")
            .to_string()
    }
}

fn parse(raw: &[u8], head_only: bool) -> Result<Resp, String> {
    if raw.is_empty() {
        return Err("empty reply".into());
    }
    let pos = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("no header end")?;
    let head = String::from_utf8_lossy(&raw[..pos]).into_owned();
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or("bad status")?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| {
            l.split_once(':')
                .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        })
        .collect();
    let rest = &raw[pos + 4..];
    let get = |k: &str| headers.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    let mut incomplete = false;
    let body = if head_only {
        Vec::new()
    } else if get("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
        let mut out = Vec::new();
        let mut i = 0;
        loop {
            let Some(nl) = rest[i..].windows(2).position(|w| w == b"\r\n") else {
                incomplete = true;
                break;
            };
            let size = usize::from_str_radix(String::from_utf8_lossy(&rest[i..i + nl]).trim(), 16)
                .map_err(|e| e.to_string())?;
            i += nl + 2;
            if size == 0 {
                break;
            }
            if i + size > rest.len() {
                out.extend_from_slice(&rest[i..]);
                incomplete = true;
                break;
            }
            out.extend_from_slice(&rest[i..i + size]);
            i += size + 2;
        }
        out
    } else if let Some(len) = get("content-length").and_then(|l| l.parse::<usize>().ok()) {
        if rest.len() < len {
            incomplete = true;
        }
        rest[..rest.len().min(len)].to_vec()
    } else {
        rest.to_vec()
    };
    Ok(Resp {
        status,
        headers,
        body,
        incomplete,
    })
}

pub fn gzip(data: &[u8]) -> Vec<u8> {
    use flate2::write::GzEncoder;
    let mut e = GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

pub fn deflate(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

pub fn brotli(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, 5, 22);
        w.write_all(data).unwrap();
    }
    out
}

/// Polls a run until it is terminal (bounded).
pub fn wait_run(emu: &Emu, token: &str, run_id: &str) -> serde_json::Value {
    for _ in 0..200 {
        let r = emu
            .get(token, &format!("/v2/actor-runs/{run_id}?waitForFinish=5"))
            .data();
        if ["SUCCEEDED", "FAILED", "TIMED-OUT", "ABORTED"]
            .contains(&r["status"].as_str().unwrap_or(""))
        {
            return r;
        }
    }
    panic!("run {run_id} did not finish");
}
