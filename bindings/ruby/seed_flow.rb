# frozen_string_literal: true

# The seed's Ruby example on plivo-powerpack (`make demo`'s Ruby step): get a Powerpack, update
# its name, print it. PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN and PLIVO_BASE_URL come from the environment.
require "plivo_powerpack"

client = PlivoPowerpack::Client.from_env
begin
  powerpack = client.get_powerpack(ARGV.fetch(0))
  response = client.update_powerpack(powerpack.uuid, name: "powerpack_name_from_ruby", sticky_sender: false)
  puts "ruby: updated #{response.uuid} name=#{response.name} sticky_sender=#{response.sticky_sender}"
  client.get_powerpack("0166c910-1268-47c7-bf30-f5809ee843b9")
rescue PlivoPowerpack::PowerpackError::NotFound => e
  puts "ruby: not found, status=#{e.status} reason=#{e.reason}"
end
