//! Meta's messaging rules as dated data, and pure functions that evaluate them: the window of
//! a person at an instant, and the routes that may carry a message.

mod load;
mod model;
pub mod region;
pub mod route;
pub mod window;

pub use load::{
    EMBEDDED, EMBEDDED_REGIONS, Policy, PolicyError, parse_channel, parse_instant, parse_regions,
};
pub use model::{
    Channel, ChannelPolicy, Expect, Feature, InteractionKind, Limits, Purpose, Route, Rule,
    RuleExample, Text, Version, WindowExample, WindowNeed, WindowOverride, start_of_day,
};
pub use region::{Available, Country, Place};
pub use route::{
    Advice, ChosenVerdict, ContentFacts, Exclusion, Fit, Reason, RouteOption, example_outcome,
};
pub use window::{Interaction, WindowState, WindowStatus, window_at, window_over};
