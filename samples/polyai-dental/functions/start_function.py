from _gen import *  # <AUTO GENERATED>


def start_function(conv: Conversation):
    conv.state.call_started = True
