# frozen_string_literal: true

# Plivo's Powerpack API from Ruby, on the same Rust core as every other binding.
#
#   client = PlivoPowerpack::Client.new("MAXXXXXXXXXXXXXXXXXX", "auth_token")
#   powerpack = client.get_powerpack("powerpack_uuid")
#   client.update_powerpack(powerpack.uuid, name: "powerpack_name", sticky_sender: false)
#
# Errors are PlivoPowerpack::PowerpackError::NotFound, ::RateLimited, ... with #status, #api_id
# and #reason. The generated module (plivo_powerpack/plivo_powerpack.rb) is made from the built
# library at packaging time; this file only adds Ruby's idiom: keyword arguments and seconds.

require "plivo_powerpack/plivo_powerpack"

module PlivoPowerpack
  # The client: one per process is enough; it may be shared by threads.
  class Client
    RUBY_USER_AGENT = "ruby/#{RUBY_VERSION}"

    # Settings are keyword arguments; unset ones keep the core's defaults. Durations are seconds.
    def initialize(auth_id, auth_token, base_url: nil, connect_timeout: nil, attempt_timeout: nil,
                   total_deadline: nil, max_attempts: nil, base_delay: nil, max_delay: nil, proxy: nil,
                   root_certificates_pem: [], trust_store: nil)
      @native = PowerpackClient.new(auth_id, auth_token,
                                    Client.config(base_url:, connect_timeout:, attempt_timeout:, total_deadline:,
                                                  max_attempts:, base_delay:, max_delay:, proxy:,
                                                  root_certificates_pem:, trust_store:))
      @auth_id = auth_id
    end

    # A client with PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN and, when set, PLIVO_BASE_URL and PLIVO_CA_BUNDLE.
    def self.from_env(**settings)
      client = allocate
      client.instance_variable_set(:@native, PowerpackClient.from_env(config(**settings)))
      client.instance_variable_set(:@auth_id, ENV.fetch("PLIVO_AUTH_ID", nil))
      client
    end

    def self.config(base_url: nil, connect_timeout: nil, attempt_timeout: nil, total_deadline: nil,
                    max_attempts: nil, base_delay: nil, max_delay: nil, proxy: nil, root_certificates_pem: [],
                    trust_store: nil)
      seconds = ->(s) { s.nil? ? nil : Time.at(s.to_r) }
      retry_policy = if [max_attempts, base_delay, max_delay].all?(&:nil?)
                       nil
                     else
                       RetryPolicy.new(max_attempts: max_attempts, base_delay: seconds.(base_delay),
                                       max_delay: seconds.(max_delay))
                     end
      ClientConfig.new(base_url: base_url, connect_timeout: seconds.(connect_timeout),
                       attempt_timeout: seconds.(attempt_timeout), total_deadline: seconds.(total_deadline),
                       _retry: retry_policy, user_agent_suffix: RUBY_USER_AGENT, proxy: proxy,
                       root_certificates_pem: root_certificates_pem, trust_store: trust_store)
    end

    def inspect
      "#<PlivoPowerpack::Client auth_id=#{@auth_id.inspect} auth_token=***>"
    end
    alias to_s inspect

    def get_powerpack(uuid) = @native.get_powerpack(uuid)

    # Changes only what is given; `false` is sent as false. At least one keyword is required.
    def update_powerpack(uuid, name: nil, sticky_sender: nil, local_connect: nil, application: nil,
                         number_priority: nil)
      @native.update_powerpack(uuid, UpdatePowerpack.new(name:, sticky_sender:, local_connect:, application:,
                                                           number_priority:))
    end

    def create_powerpack(name, sticky_sender: nil, local_connect: nil, application: nil, number_priority: nil)
      @native.create_powerpack(CreatePowerpack.new(name:, sticky_sender:, local_connect:, application:,
                                                   number_priority:))
    end

    def list_powerpacks(limit: nil, offset: nil) = @native.list_powerpacks(limit, offset)

    def list_all_powerpacks = @native.list_all_powerpacks

    # `unrent_numbers: true` also releases the numbers from the account (destructive).
    def delete_powerpack(uuid, unrent_numbers: false) = @native.delete_powerpack(uuid, unrent_numbers)

    # The number pool of a Powerpack, or the pool with this uuid; sends nothing.
    def number_pool(powerpack_or_uuid)
      if powerpack_or_uuid.is_a?(Powerpack)
        @native.number_pool_of(powerpack_or_uuid)
      else
        @native.number_pool(powerpack_or_uuid)
      end
    end
  end
end
