"""Interview practice in the engine: the question bank and the checks for answers
and for the questions a candidate plans to ask.

- :mod:`.bank`: the question bank (``models/interview/questions.yaml``) and matching a
  context question to it;
- :mod:`.text_view`: the engine's cached analysis seen as sentences of canonical words
  with their specifics (the one module that reads the analysis records);
- :mod:`.cues`: cue phrases from ``models/interview/*.yaml``, compiled in canonical form;
- :mod:`.answers`: situation, own action, result; "I" and "we";
- :mod:`.speaking`: speaking time at a typical pace;
- :mod:`.asks`: a list of questions for the interviewer: generic ones, or none at all;
- :mod:`.kinds`: what a text is (letter, answer, questions) when the context does not say.
"""
