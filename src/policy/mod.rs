//! Meta's messaging rules as dated data, and pure functions that evaluate them: the window of
//! a person at an instant, and the routes that may carry a message.

mod load;
mod model;
pub mod route;
pub mod window;

pub use load::{EMBEDDED, Policy, PolicyError, parse_channel, parse_instant};
pub use model::{
    Channel, ChannelPolicy, Expect, InteractionKind, Limits, Purpose, Route, Rule, RuleExample,
    Version, WindowExample, WindowNeed, WindowOverride, start_of_day,
};
pub use route::{
    Advice, ChosenVerdict, ContentFacts, Exclusion, Fit, Reason, RouteOption, example_outcome,
};
pub use window::{Interaction, WindowState, WindowStatus, window_at, window_over};
