from _gen import *  # <AUTO GENERATED>


def end_function(conv: Conversation):
    conv.log.info("call ended")
