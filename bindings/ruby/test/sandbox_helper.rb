# frozen_string_literal: true

# The sandbox build.sh started (POWERPACK_SANDBOX_URL) and its admin API, for the minitest suite.
require "json"
require "net/http"
require "minitest/autorun"
require "plivo_powerpack"

AUTH_ID = "MASANDBOX00000000001"
AUTH_TOKEN = "sandbox-auth-token"

module Sandbox
  URL = ENV.fetch("POWERPACK_SANDBOX_URL")

  def self.admin(method, path, body = nil)
    uri = URI("#{URL}/__admin/#{path}")
    request = Net::HTTP.const_get(method.capitalize).new(uri)
    request.body = JSON.generate(body) if body
    response = Net::HTTP.start(uri.host, uri.port) { |http| http.request(request) }
    raise "admin #{method} #{path}: #{response.code}" unless response.code.start_with?("2")
    response.body.to_s.empty? ? nil : JSON.parse(response.body)
  end

  def self.reset = admin("post", "reset")
  def self.journal = admin("get", "journal")

  def self.fault(kind, method, path, count: 1, **fields)
    admin("post", "faults", { kind: kind, method: method, path: path, count: count, **fields })
  end

  def self.path(uuid = nil) = "/v1/Account/#{AUTH_ID}/Powerpack/#{uuid ? "#{uuid}/" : ""}"
end
