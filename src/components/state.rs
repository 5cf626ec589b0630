//! The widget's state and the actions that change it.

use crate::core::detect::ChosenBy;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, Debug, PartialEq, Default)]
pub struct WidgetState {
    /// The country whose lines are shown first, and why it was chosen.
    pub country: Option<(String, ChosenBy)>,
    /// A country chosen last whose lines could not be had (`Action::Unavailable`): the finder
    /// says so until another choice.
    pub unavailable: Option<String>,
}

pub enum Action {
    /// Detection (or a partner's update) chose a country; a visitor's own choice stands.
    Detected(Option<(String, ChosenBy)>),
    /// The visitor picked a country.
    Choose(String),
    /// `country`'s lines could not be had (their file failed): the choice goes back to `shown`,
    /// the country shown meanwhile, so that the finder says what is shown and choosing `country`
    /// again fetches its file again. Ignored once another country has been chosen since.
    Unavailable { country: String, shown: Option<(String, ChosenBy)> },
}

impl Reducible for WidgetState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = WidgetState { unavailable: None, ..(*self).clone() };
        match action {
            Action::Detected(found) => {
                let visitor_chose = matches!(self.country, Some((_, ChosenBy::Visitor)));
                // A site's explicit `country` option (or the page's link) always wins; detection never
                // overrides the visitor.
                let from_option = matches!(found, Some((_, ChosenBy::Option | ChosenBy::Link)));
                if visitor_chose && !from_option {
                    return self;
                }
                next.country = found;
            }
            Action::Choose(code) => next.country = Some((code, ChosenBy::Visitor)),
            Action::Unavailable { country, shown } => {
                if self.country.as_ref().is_none_or(|(code, _)| *code != country) {
                    return self;
                }
                next.country = shown;
                next.unavailable = Some(country);
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
