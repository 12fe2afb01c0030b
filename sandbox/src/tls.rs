//! HTTPS for the sandbox: a certificate for the loopback names signed by a CA made at start
//! (clients trust the CA's PEM), or a certificate and key read from PEM files.

use std::sync::Arc;

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair, KeyUsagePurpose};

/// What the sandbox serves HTTPS with.
#[derive(Clone)]
pub struct TlsIdentity {
    /// The server's certificate chain, PEM.
    pub cert_pem: String,
    /// Its private key, PEM.
    pub key_pem: String,
    /// The CA that signed the certificate, PEM, when the sandbox made it: what clients trust.
    pub ca_pem: Option<String>,
}

impl std::fmt::Debug for TlsIdentity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TlsIdentity").field("has_ca", &self.ca_pem.is_some()).finish_non_exhaustive()
    }
}

/// The names a generated certificate is valid for by default.
pub const LOOPBACK_NAMES: [&str; 2] = ["127.0.0.1", "localhost"];

impl TlsIdentity {
    /// A fresh CA and a certificate it signed for `names` (IP addresses or DNS names).
    pub fn generate(names: &[String]) -> Result<TlsIdentity, String> {
        let err = |e: rcgen::Error| format!("could not make the TLS certificate: {e}");
        let ca_key = KeyPair::generate().map_err(err)?;
        let mut ca = CertificateParams::new(Vec::<String>::new()).map_err(err)?;
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign, KeyUsagePurpose::DigitalSignature];
        ca.distinguished_name.push(DnType::CommonName, "plivo-powerpack sandbox CA");
        let ca_cert = ca.self_signed(&ca_key).map_err(err)?;

        let key = KeyPair::generate().map_err(err)?;
        let mut leaf = CertificateParams::new(names.to_vec()).map_err(err)?;
        leaf.distinguished_name.push(DnType::CommonName, "plivo-powerpack sandbox");
        let cert = leaf.signed_by(&key, &ca_cert, &ca_key).map_err(err)?;
        Ok(TlsIdentity { cert_pem: cert.pem(), key_pem: key.serialize_pem(), ca_pem: Some(ca_cert.pem()) })
    }

    /// A certificate chain and key from PEM files.
    pub fn from_files(cert: &std::path::Path, key: &std::path::Path) -> Result<TlsIdentity, String> {
        let read =
            |p: &std::path::Path| std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
        Ok(TlsIdentity { cert_pem: read(cert)?, key_pem: read(key)?, ca_pem: None })
    }

    /// The rustls server configuration (ring provider, TLS 1.2 and 1.3, HTTP/1.1).
    pub(crate) fn server_config(&self) -> Result<Arc<rustls::ServerConfig>, String> {
        let certs = rustls_pemfile::certs(&mut self.cert_pem.as_bytes())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| format!("bad certificate PEM: {e}"))?;
        if certs.is_empty() {
            return Err("no certificate in the certificate PEM".into());
        }
        let key = rustls_pemfile::private_key(&mut self.key_pem.as_bytes())
            .map_err(|e| format!("bad key PEM: {e}"))?
            .ok_or("no private key in the key PEM")?;
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| e.to_string())?
            .with_no_client_auth()
            .with_single_cert(certs, key)
            .map_err(|e| format!("certificate and key do not fit: {e}"))?;
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(Arc::new(config))
    }
}
