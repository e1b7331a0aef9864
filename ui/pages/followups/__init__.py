"""Follow-ups (跟进记录) and the next-step chain (链式跟单): the dialog, the client picker, the timeline."""
