//! Learned sequence models (averaged perceptron over hashed features).
