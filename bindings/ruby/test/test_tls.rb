# frozen_string_literal: true

# HTTPS from the installed gem against the sandbox serving TLS (build.sh starts it with a CA made
# at start): an untrusted certificate raises PowerpackError::Tls at once; with the CA in
# root_certificates_pem the call succeeds.
require "sandbox_helper"

class TlsTest < Minitest::Test
  URL = ENV.fetch("POWERPACK_TLS_SANDBOX_URL")
  CA = File.read(ENV.fetch("POWERPACK_TLS_CA_FILE"))

  def test_with_the_sandbox_ca_the_call_succeeds_over_https
    assert URL.start_with?("https://127.0.0.1:"), URL
    client = PlivoPowerpack::Client.new(AUTH_ID, AUTH_TOKEN, base_url: URL, root_certificates_pem: [CA])
    created = client.create_powerpack("ruby over tls #{Process.clock_gettime(Process::CLOCK_MONOTONIC, :nanosecond)}")
    assert_equal created.name, client.get_powerpack(created.uuid).name
  end

  def test_an_unknown_issuer_fails_at_once_with_a_tls_error
    [nil, PlivoPowerpack::TrustStore::BUNDLED, PlivoPowerpack::TrustStore::SYSTEM].each do |store|
      # Slow retries: a retried TLS failure would take at least 10 s.
      client = PlivoPowerpack::Client.new(AUTH_ID, AUTH_TOKEN, base_url: URL, trust_store: store, max_attempts: 3)
      started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
      error = assert_raises(PlivoPowerpack::PowerpackError::Tls) { client.get_powerpack("u") }
      assert_operator Process.clock_gettime(Process::CLOCK_MONOTONIC) - started, :<, 5, "not retried (#{store.inspect})"
      assert_includes error.reason, "UnknownIssuer"
    end
  end

  def test_a_root_certificate_that_is_not_pem_is_refused_when_building
    error = assert_raises(PlivoPowerpack::PowerpackError::Validation) do
      PlivoPowerpack::Client.new(AUTH_ID, AUTH_TOKEN, base_url: URL, root_certificates_pem: ["not a cert"])
    end
    assert_equal "root_certificates_pem[0]", error.field
  end
end
