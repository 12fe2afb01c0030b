//! The seed's two flows in Rust: get a Powerpack then update it, and update
//! one directly by uuid.
//!
//! ```text
//! PLIVO_AUTH_ID=MA... PLIVO_AUTH_TOKEN=... cargo run --example seed_flow -- <powerpack_uuid>
//! ```
//! `PLIVO_BASE_URL` points it at a sandbox instead of api.plivo.com.

use plivo_powerpack::{Application, Client, PowerpackError, UpdatePowerpack};

#[tokio::main]
async fn main() -> Result<(), PowerpackError> {
    let uuid = std::env::args().nth(1).expect("usage: seed_flow <powerpack_uuid>");
    let client = Client::from_env()?; // PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN and, when set, PLIVO_BASE_URL

    // Flow 1 (the Python/Ruby/Node/PHP/Java/Go examples): get, then update.
    let powerpack = client.get_powerpack(&uuid).await?;
    println!("got      {} name={:?} sticky_sender={:?}", powerpack.uuid, powerpack.name, powerpack.sticky_sender);
    let updated = client.update_powerpack(&powerpack.uuid, &UpdatePowerpack::new().name("your_powerpack_name")).await?;
    println!("renamed  {} name={:?}", updated.uuid, updated.name);

    // Flow 2 (the .NET example): update by uuid, turning both flags off.
    let updated = client
        .update_powerpack(
            &uuid,
            &UpdatePowerpack::new()
                .sticky_sender(false)
                .local_connect(false)
                .application(Application::Xml { app_id: "20342783288007824".into() }),
        )
        .await?;
    println!(
        "updated  {} sticky_sender={:?} local_connect={:?} application={:?}/{:?}",
        updated.uuid, updated.sticky_sender, updated.local_connect, updated.application_type, updated.application_id
    );

    // An invalid update never leaves the process.
    match client.update_powerpack(&uuid, &UpdatePowerpack::new()).await {
        Err(PowerpackError::Validation { field, reason }) => println!("refused  {field}: {reason}"),
        other => panic!("expected a validation error, got {other:?}"),
    }
    Ok(())
}
