//! What the views over the whole library share: the library read once, compared by identity
//! (a memo over it must never compare 50,000 rows), and where reading it is.

use std::rc::Rc;

/// A value read from the whole library, compared by identity.
pub(crate) struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Reading the library: under way, failed (why, in words), or done.
pub(crate) enum Load<T> {
    Reading,
    Failed(String),
    Ready(Shared<T>),
}

impl<T> Clone for Load<T> {
    fn clone(&self) -> Self {
        match self {
            Load::Reading => Load::Reading,
            Load::Failed(why) => Load::Failed(why.clone()),
            Load::Ready(ready) => Load::Ready(ready.clone()),
        }
    }
}

impl<T> PartialEq for Load<T> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Load::Reading, Load::Reading) => true,
            (Load::Failed(a), Load::Failed(b)) => a == b,
            (Load::Ready(a), Load::Ready(b)) => a == b,
            _ => false,
        }
    }
}
