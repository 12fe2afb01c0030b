//! Request parameters: what a caller may ask for, validated before any I/O,
//! and turned into exactly the JSON body Plivo expects.
//!
//! The application is one enum ([`Application`]) instead of two loose strings,
//! so the API's conditional rule ("`application_type` is required when
//! `application_id` is given and is not `none`") cannot be broken by a caller.

use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

use crate::error::PowerpackError;
use crate::validate;

/// Which application the Powerpack's numbers are attached to.
///
/// Its serde form is the neutral one of the C ABI and the conformance vectors,
/// `{"type": "xml" | "phlo" | "detach", "id": ...}`; on the wire it becomes
/// `application_type` / `application_id` (see [`UpdatePowerpack`]'s `Serialize`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase", deny_unknown_fields)]
pub enum Application {
    /// Attach an XML application by its id (digits, e.g. `"20342783288007824"`).
    /// Sent as `application_type: "xml"`.
    Xml {
        #[serde(rename = "id")]
        app_id: String,
    },
    /// Attach a PHLO by its id (a UUID). Sent as `application_type: "phlo"`.
    Phlo {
        #[serde(rename = "id")]
        phlo_id: String,
    },
    /// Detach whatever application is attached. Sent as `application_id: "none"`.
    Detach,
}

impl Application {
    fn validate(&self) -> Result<(), PowerpackError> {
        match self {
            Application::Xml { app_id } => validate::application_id("application.app_id", app_id),
            Application::Phlo { phlo_id } => {
                validate::application_id("application.phlo_id", phlo_id)?;
                validate::uuid_shape("application.phlo_id", phlo_id)
            }
            Application::Detach => Ok(()),
        }
    }

    /// `(application_type, application_id)` as sent: detaching sends only `application_id: "none"`.
    fn wire(&self) -> (Option<&'static str>, &str) {
        match self {
            Application::Xml { app_id } => (Some("xml"), app_id.as_str()),
            Application::Phlo { phlo_id } => (Some("phlo"), phlo_id.as_str()),
            Application::Detach => (None, "none"),
        }
    }
}

/// The messaging service a number priority applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ServiceType {
    #[serde(rename = "SMS", alias = "sms")]
    Sms,
    #[serde(rename = "MMS", alias = "mms")]
    Mms,
}

impl ServiceType {
    pub(crate) fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_uppercase().as_str() {
            "SMS" => Some(ServiceType::Sms),
            "MMS" => Some(ServiceType::Mms),
            _ => None,
        }
    }
}

/// A kind of sender number, as ranked by a [`Priority`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NumberType {
    Shortcode,
    Tollfree,
    Longcode,
}

impl NumberType {
    pub(crate) fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "shortcode" => Some(NumberType::Shortcode),
            "tollfree" => Some(NumberType::Tollfree),
            "longcode" => Some(NumberType::Longcode),
            _ => None,
        }
    }
}

/// The order in which number types are tried; the three must differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Priority {
    pub priority1: NumberType,
    pub priority2: NumberType,
    pub priority3: NumberType,
}

/// The sender-number priority of one country and service.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberPriority {
    /// ISO 3166-1 alpha-2 country code, upper case (`"US"`).
    pub country_iso: String,
    pub service_type: ServiceType,
    pub priority: Priority,
}

impl NumberPriority {
    /// A priority for one country and service.
    pub fn new(country_iso: impl Into<String>, service_type: ServiceType, priority: Priority) -> Self {
        NumberPriority { country_iso: country_iso.into(), service_type, priority }
    }
}

fn validate_number_priority(list: &[NumberPriority]) -> Result<(), PowerpackError> {
    let mut seen = std::collections::HashSet::new();
    for (i, np) in list.iter().enumerate() {
        let field = format!("number_priority[{i}]");
        let iso = &np.country_iso;
        validate::country_iso2(&format!("{field}.country_iso"), iso)?;
        let p = np.priority;
        if p.priority1 == p.priority2 || p.priority1 == p.priority3 || p.priority2 == p.priority3 {
            return Err(PowerpackError::validation(
                &format!("{field}.priority"),
                "priority1, priority2 and priority3 must be three different number types",
            ));
        }
        if !seen.insert((iso.clone(), np.service_type)) {
            return Err(PowerpackError::validation(
                &field,
                format!("{iso} {:?} is listed more than once", np.service_type),
            ));
        }
    }
    Ok(())
}

/// Changes to make to an existing Powerpack ("Update a Powerpack").
///
/// Every field is optional: `None` leaves the value as it is and is omitted
/// from the request; `Some(false)` is sent as JSON `false`. At least one field
/// must be set.
///
/// ```
/// use plivo_powerpack::{Application, UpdatePowerpack};
/// let changes = UpdatePowerpack::new()
///     .name("support-line")
///     .sticky_sender(false)
///     .application(Application::Detach);
/// ```
///
/// `Serialize` writes exactly the body sent; `Deserialize` reads the neutral form (every field
/// optional, the application as `{"type", "id"}`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[must_use]
pub struct UpdatePowerpack {
    pub name: Option<String>,
    pub sticky_sender: Option<bool>,
    pub local_connect: Option<bool>,
    pub application: Option<Application>,
    pub number_priority: Option<Vec<NumberPriority>>,
}

impl UpdatePowerpack {
    /// An update that changes nothing yet; set at least one field.
    pub fn new() -> Self {
        Self::default()
    }
    /// Renames the Powerpack (the name must be unique in the account).
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
    /// Turns sticky sender on or off.
    pub fn sticky_sender(mut self, on: bool) -> Self {
        self.sticky_sender = Some(on);
        self
    }
    /// Turns local connect on or off.
    pub fn local_connect(mut self, on: bool) -> Self {
        self.local_connect = Some(on);
        self
    }
    /// Attaches an application, or detaches it with [`Application::Detach`].
    pub fn application(mut self, application: Application) -> Self {
        self.application = Some(application);
        self
    }
    /// Replaces the number priority list.
    pub fn number_priority(mut self, list: Vec<NumberPriority>) -> Self {
        self.number_priority = Some(list);
        self
    }

    /// True when no field is set: such an update would be a no-op request.
    pub fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.sticky_sender.is_none()
            && self.local_connect.is_none()
            && self.application.is_none()
            && self.number_priority.is_none()
    }

    /// Checks every rule that can be known locally.
    pub fn validate(&self) -> Result<(), PowerpackError> {
        if self.is_empty() {
            return Err(PowerpackError::validation(
                "update",
                "nothing to update: set at least one of name, sticky_sender, local_connect, application, number_priority",
            ));
        }
        if let Some(name) = &self.name {
            validate::name(name)?;
        }
        if let Some(app) = &self.application {
            app.validate()?;
        }
        if let Some(list) = &self.number_priority {
            validate_number_priority(list)?;
        }
        Ok(())
    }

    /// The JSON body, exactly as sent. Call [`validate`](Self::validate) first.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).expect("request bodies always serialize")
    }
}

/// A new Powerpack ("Create a Powerpack"). Only `name` is required; unset
/// booleans take the API's defaults (both `true`).
///
/// `Serialize` writes exactly the body sent; `Deserialize` reads the neutral form.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[must_use]
pub struct CreatePowerpack {
    pub name: String,
    #[serde(default)]
    pub sticky_sender: Option<bool>,
    #[serde(default)]
    pub local_connect: Option<bool>,
    #[serde(default)]
    pub application: Option<Application>,
    #[serde(default)]
    pub number_priority: Option<Vec<NumberPriority>>,
}

impl CreatePowerpack {
    /// A Powerpack with this name and the API's defaults for everything else.
    pub fn new(name: impl Into<String>) -> Self {
        CreatePowerpack {
            name: name.into(),
            sticky_sender: None,
            local_connect: None,
            application: None,
            number_priority: None,
        }
    }
    /// Sets sticky sender (the API's default is on).
    pub fn sticky_sender(mut self, on: bool) -> Self {
        self.sticky_sender = Some(on);
        self
    }
    /// Sets local connect (the API's default is on).
    pub fn local_connect(mut self, on: bool) -> Self {
        self.local_connect = Some(on);
        self
    }
    /// Attaches an application from the start.
    pub fn application(mut self, application: Application) -> Self {
        self.application = Some(application);
        self
    }
    /// Sets the number priority list.
    pub fn number_priority(mut self, list: Vec<NumberPriority>) -> Self {
        self.number_priority = Some(list);
        self
    }

    /// Checks every rule that can be known locally.
    pub fn validate(&self) -> Result<(), PowerpackError> {
        validate::name(&self.name)?;
        if let Some(app) = &self.application {
            app.validate()?;
        }
        if let Some(list) = &self.number_priority {
            validate_number_priority(list)?;
        }
        Ok(())
    }

    /// The JSON body, exactly as sent. Call [`validate`](Self::validate) first.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).expect("request bodies always serialize")
    }
}

/// The body of a create or an update: one set of Powerpack fields, each omitted when unset.
/// Fields are declared in alphabetical order, so the bytes sent are the same as those of the
/// key-sorted JSON objects that earlier versions sent (and the golden tests pin).
#[derive(Serialize)]
struct PowerpackBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    application_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    application_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    local_connect: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    number_priority: Option<Vec<WirePriority<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sticky_sender: Option<bool>,
}

/// A number priority as sent, keys in alphabetical order.
#[derive(Serialize)]
struct WirePriority<'a> {
    country_iso: &'a str,
    priority: Priority,
    service_type: ServiceType,
}

impl<'a> PowerpackBody<'a> {
    fn new(
        name: Option<&'a str>,
        sticky_sender: Option<bool>,
        local_connect: Option<bool>,
        application: Option<&'a Application>,
        number_priority: Option<&'a [NumberPriority]>,
    ) -> Self {
        let (application_type, application_id) = match application.map(Application::wire) {
            Some((kind, id)) => (kind, Some(id)),
            None => (None, None),
        };
        let number_priority = number_priority.map(|list| {
            list.iter()
                .map(|p| WirePriority {
                    country_iso: &p.country_iso,
                    priority: p.priority,
                    service_type: p.service_type,
                })
                .collect()
        });
        PowerpackBody { application_id, application_type, local_connect, name, number_priority, sticky_sender }
    }
}

impl Serialize for UpdatePowerpack {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        PowerpackBody::new(
            self.name.as_deref(),
            self.sticky_sender,
            self.local_connect,
            self.application.as_ref(),
            self.number_priority.as_deref(),
        )
        .serialize(serializer)
    }
}

impl Serialize for CreatePowerpack {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        PowerpackBody::new(
            Some(&self.name),
            self.sticky_sender,
            self.local_connect,
            self.application.as_ref(),
            self.number_priority.as_deref(),
        )
        .serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn us_sms() -> NumberPriority {
        NumberPriority::new(
            "US",
            ServiceType::Sms,
            Priority {
                priority1: NumberType::Shortcode,
                priority2: NumberType::Tollfree,
                priority3: NumberType::Longcode,
            },
        )
    }

    #[test]
    fn update_sends_false_when_asked() {
        let u = UpdatePowerpack::new().sticky_sender(false).local_connect(false);
        assert_eq!(u.to_json(), json!({"sticky_sender": false, "local_connect": false}));
    }

    #[test]
    fn update_omits_every_unset_field() {
        let u = UpdatePowerpack::new().name("only-the-name");
        assert_eq!(u.to_json(), json!({"name": "only-the-name"}));
    }

    #[test]
    fn update_sends_true_as_a_json_boolean_not_a_string() {
        let u = UpdatePowerpack::new().sticky_sender(true).local_connect(true);
        assert_eq!(serde_json::to_string(&u.to_json()).unwrap(), r#"{"local_connect":true,"sticky_sender":true}"#);
    }

    #[test]
    fn update_attaching_an_xml_app_sends_type_xml_and_the_id() {
        let u = UpdatePowerpack::new().application(Application::Xml { app_id: "20342783288007824".into() });
        assert_eq!(u.to_json(), json!({"application_type": "xml", "application_id": "20342783288007824"}));
    }

    #[test]
    fn update_attaching_a_phlo_sends_type_phlo_and_the_id() {
        let id = "0166c910-1268-47c7-bf30-f5809ee843b9";
        let u = UpdatePowerpack::new().application(Application::Phlo { phlo_id: id.into() });
        assert_eq!(u.to_json(), json!({"application_type": "phlo", "application_id": id}));
    }

    #[test]
    fn update_detaching_sends_application_id_none_without_a_type() {
        let u = UpdatePowerpack::new().application(Application::Detach);
        assert_eq!(u.to_json(), json!({"application_id": "none"}));
    }

    #[test]
    fn update_sends_number_priority_in_plivo_shape() {
        let u = UpdatePowerpack::new().number_priority(vec![us_sms()]);
        assert_eq!(
            u.to_json(),
            json!({"number_priority": [{
                "country_iso": "US",
                "service_type": "SMS",
                "priority": {"priority1": "shortcode", "priority2": "tollfree", "priority3": "longcode"}
            }]})
        );
    }

    #[test]
    fn update_with_every_field_set_sends_all_of_them() {
        let u = UpdatePowerpack::new()
            .name("pp")
            .sticky_sender(true)
            .local_connect(false)
            .application(Application::Xml { app_id: "123".into() })
            .number_priority(vec![us_sms()]);
        u.validate().unwrap();
        let body = u.to_json();
        assert_eq!(body.as_object().unwrap().len(), 6);
        assert_eq!(body["local_connect"], json!(false));
        assert_eq!(body["application_type"], json!("xml"));
    }

    #[test]
    fn empty_update_is_a_validation_error() {
        let err = UpdatePowerpack::new().validate().unwrap_err();
        assert!(matches!(err, PowerpackError::Validation { ref field, .. } if field == "update"), "{err:?}");
    }

    #[test]
    fn blank_names_are_rejected() {
        for name in ["", "   ", "\t\n"] {
            let err = UpdatePowerpack::new().name(name).validate().unwrap_err();
            assert!(matches!(err, PowerpackError::Validation { ref field, .. } if field == "name"), "{name:?}");
            assert!(CreatePowerpack::new(name).validate().is_err());
        }
    }

    #[test]
    fn application_ids_are_checked() {
        let bad = [
            Application::Xml { app_id: "".into() },
            Application::Xml { app_id: "none".into() },
            Application::Xml { app_id: "12 34".into() },
            Application::Phlo { phlo_id: "not-a-uuid".into() },
            Application::Phlo { phlo_id: "NONE".into() },
        ];
        for app in bad {
            let err = UpdatePowerpack::new().application(app.clone()).validate().unwrap_err();
            assert!(err.is_validation(), "{app:?} gave {err:?}");
        }
    }

    #[test]
    fn number_priority_rules_are_checked() {
        let mut lower = us_sms();
        lower.country_iso = "us".into();
        let mut repeated = us_sms();
        repeated.priority.priority2 = NumberType::Shortcode;
        let cases = [
            (vec![lower], "number_priority[0].country_iso"),
            (vec![repeated], "number_priority[0].priority"),
            (vec![us_sms(), us_sms()], "number_priority[1]"),
        ];
        for (list, want) in cases {
            match UpdatePowerpack::new().number_priority(list).validate() {
                Err(PowerpackError::Validation { field, .. }) => assert_eq!(field, want),
                other => panic!("{want}: {other:?}"),
            }
        }
    }

    #[test]
    fn create_sends_the_name_and_only_what_is_set() {
        let c = CreatePowerpack::new("new-pp").local_connect(false);
        c.validate().unwrap();
        assert_eq!(c.to_json(), json!({"name": "new-pp", "local_connect": false}));
    }
}
