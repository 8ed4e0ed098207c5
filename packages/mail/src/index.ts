// @stagebrug/mail — explicit exports only.
export {}
