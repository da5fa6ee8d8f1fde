//! TLS to a team server, as the URL's `sslmode` asks, with libpq's meanings:
//!
//! - `disable`: never; `prefer` (the default): when the server offers it; `require`: always,
//!   without checking the certificate (libpq's `require` without a root certificate): the
//!   line is encrypted, but a machine in the middle is not ruled out.
//! - `verify-full` (and `verify-ca`, checked as strictly): always, with the server's
//!   certificate checked against the root certificates in `$PGSSLROOTCERT`, else
//!   `~/.postgresql/root.crt`, and its name against the host's.
//!
//! A Unix socket never uses TLS (the server does not offer it there).

use std::path::PathBuf;
use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, SignatureScheme};
use tokio_postgres_rustls::MakeRustlsConnect;

/// The URL with a `verify-full`/`verify-ca` sslmode turned into `require` (the client
/// crate knows only disable, prefer and require), and whether to verify the certificate.
pub fn strip_verify(url: &str) -> (String, bool) {
    let mut out = url.to_string();
    let mut verify = false;
    for mode in ["verify-full", "verify-ca"] {
        let from = format!("sslmode={mode}");
        if out.contains(&from) {
            out = out.replace(&from, "sslmode=require");
            verify = true;
        }
    }
    (out, verify)
}

/// Where the root certificates for `verify-full` are.
pub fn root_cert_file() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PGSSLROOTCERT").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(|h| PathBuf::from(h).join(".postgresql").join("root.crt"))
}

fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// The connector for a server: verifying its certificate when `verify`, else encrypting
/// only. Err says why it cannot be built (no root certificates for `verify-full`).
pub fn connector(verify: bool) -> Result<Connector, String> {
    let provider = provider();
    let builder = ClientConfig::builder_with_provider(Arc::clone(&provider))
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS: {e}"))?;
    let config = if verify {
        let file = root_cert_file().ok_or(
            "sslmode=verify-full needs root certificates: set PGSSLROOTCERT or put them in \
             ~/.postgresql/root.crt",
        )?;
        let mut roots = rustls::RootCertStore::empty();
        let certs = CertificateDer::pem_file_iter(&file)
            .map_err(|e| format!("root certificates {}: {e}", file.display()))?;
        for cert in certs {
            let cert = cert.map_err(|e| format!("root certificates {}: {e}", file.display()))?;
            roots
                .add(cert)
                .map_err(|e| format!("root certificates {}: {e}", file.display()))?;
        }
        if roots.is_empty() {
            return Err(format!(
                "root certificates {}: no certificate in it",
                file.display()
            ));
        }
        builder.with_root_certificates(roots).with_no_client_auth()
    } else {
        builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(EncryptOnly(
                provider.signature_verification_algorithms,
            )))
            .with_no_client_auth()
    };
    Ok(Connector(MakeRustlsConnect::new(config)))
}

/// The rustls connector, which also takes a Unix socket (no host name: the connection
/// asks for TLS, the server declines it there, and `require` fails as it should).
#[derive(Clone)]
pub struct Connector(MakeRustlsConnect);

impl<S> postgres::tls::MakeTlsConnect<S> for Connector
where
    MakeRustlsConnect: postgres::tls::MakeTlsConnect<S>,
{
    type Stream = <MakeRustlsConnect as postgres::tls::MakeTlsConnect<S>>::Stream;
    type TlsConnect = <MakeRustlsConnect as postgres::tls::MakeTlsConnect<S>>::TlsConnect;
    type Error = <MakeRustlsConnect as postgres::tls::MakeTlsConnect<S>>::Error;

    fn make_tls_connect(&mut self, hostname: &str) -> Result<Self::TlsConnect, Self::Error> {
        let name = if hostname.is_empty() {
            "localhost"
        } else {
            hostname
        };
        self.0.make_tls_connect(name)
    }
}

/// `sslmode=require`: any certificate is accepted, as libpq does without a root
/// certificate, but the handshake's signatures are still checked against it, so the
/// session key belongs to whoever holds that certificate.
#[derive(Debug)]
struct EncryptOnly(WebPkiSupportedAlgorithms);

impl ServerCertVerifier for EncryptOnly {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verify_modes_become_require_with_verification() {
        assert_eq!(
            strip_verify("postgres://a@db/w?sslmode=verify-full"),
            ("postgres://a@db/w?sslmode=require".to_string(), true)
        );
        assert_eq!(
            strip_verify("host=db sslmode=verify-ca"),
            ("host=db sslmode=require".to_string(), true)
        );
        assert_eq!(
            strip_verify("postgres://a@db/w?sslmode=require"),
            ("postgres://a@db/w?sslmode=require".to_string(), false)
        );
        assert!(connector(false).is_ok());
    }
}
