#!/usr/bin/env python3
"""Writes the bundled sample pages: invented stories and comments in the markup Slashdot (2009 D2 era and the
current era) and Hacker News used, so a first run has something real to read. Run from this folder."""
import html

# ----------------------------------------------------------------------------------------------- thread specs
# (id, parent, author or None for Anonymous Coward, uid, score, label, subject, mode, body html)
# mode: full | oneline | hidden | truncated

SCANNER = [
    (27001, 0, "kestrel_bay", 88213, 5, "Insightful", "Drivers outlive companies", "full",
     "<p>The company that made my scanner went under in 2003. The scanner itself is still on my desk, and thanks to"
     " people like this it still works.</p><p>Hardware is forever; vendor support is a rental.</p>"),
    (27002, 27001, None, None, 1, None, "Re:Drivers outlive companies", "oneline",
     "<p>Until the lamp dies. Then it is a very flat paperweight.</p>"),
    (27003, 27002, "lampwright", 412077, 4, "Informative", "Re:Drivers outlive companies", "full",
     "<div class=\"quote\"><p>Until the lamp dies.</p></div><p>Cold cathode lamps are still sold for LCD backlights."
     " I replaced mine for four dollars and a burnt thumb. Match the length, not the wattage.</p>"),
    (27004, 27003, "timothy", 2, 3, "Interesting", "Re:Drivers outlive companies", "full",
     "<p>Burnt thumb noted. Would a photo of the swap make a good follow-up story?</p>"),
    (27005, 27004, "lampwright", 412077, 3, None, "Re:Drivers outlive companies", "full",
     "<p>Happy to send one. Fair warning: my soldering looks like modern art.</p>"),
    (27006, 27005, None, None, 2, "Funny", "Re:Drivers outlive companies", "full",
     "<p>Modern art sells for more than scanners these days.</p>"),
    (27007, 27006, "grey_heron", 1022334, 2, None, "Re:Drivers outlive companies", "full",
     "<p>Only if you sign the solder joints.</p>"),
    (27008, 27007, "lampwright", 412077, 2, None, "Re:Drivers outlive companies", "full",
     "<p>Signed, numbered, and slightly cold.</p>"),
    (27009, 27008, "kestrel_bay", 88213, 2, None, "Re:Drivers outlive companies", "full",
     "<p>This thread went from driver support to art criticism in six replies. Never change.</p>"),
    (27010, 27001, "pmlowe", 330451, 0, None, "Re:Drivers outlive companies", "oneline",
     "<p>My printer disagrees: it is a rental that charges per page.</p>"),
    (27011, 0, "sandpiper", 501201, 4, "Informative", "How the protocol was worked out", "full",
     "<p>For those wondering how this was done without documentation: the author logged the USB traffic from the old"
     " Windows 98 driver in a virtual machine and replayed it piece by piece.</p>"
     "<p>The interesting part is the calibration block, which is just a table of 256 gamma values:</p>"
     "<pre>for (i = 0; i &lt; 256; i++)\n    gamma[i] = read_byte(dev, 0x40 + i);</pre>"
     "<p>Write-up <a href=\"http://www.example.org/scanner-notes\">on the project wiki</a> [example.org].</p>"),
    (27012, 27011, "bitterroot", 77120, 3, "Interesting", "Re:How the protocol was worked out", "full",
     "<p>Replaying captured traffic is how half of the USB drivers in the kernel started. It is not glamorous, but it"
     " works, and it is legal in most places.</p>"),
    (27013, 27012, None, None, 0, None, "Re:How the protocol was worked out", "oneline",
     "<p>Most places. Check before you publish, kids.</p>"),
    (27014, 27011, "quillon", 9931, 2, None, "Re:How the protocol was worked out", "truncated",
     "<p>I tried this with a 1999 film scanner and found that the firmware expects a pause of exactly 12 ms between"
     " the setup packets, otherwise it resets and the motor runs to the end stop, which makes a noise like a"
     " small angry goose. It took me two weekends and most of my patience to find out why the first three commands"
     " were fine and the fourth one always fail</p>"),
    (27015, 0, None, None, -1, "Troll", "First scan!", "hidden",
     "<p>First post scanned at 600 dpi.</p>"),
    (27016, 0, "marlinspike", 640021, 1, None, "SANE backend?", "full",
     "<p>Is this going upstream into SANE, or is it another out-of-tree driver that dies with the next libusb?</p>"),
    (27017, 27016, "sandpiper", 501201, 3, "Informative", "Re:SANE backend?", "full",
     "<p>The mailing list thread says it is being reviewed for the next SANE release. It already builds against the"
     " current libusb.</p>"),
    (27018, 27016, None, None, -1, "Flamebait", "Re:SANE backend?", "hidden",
     "<p>Who still uses SANE? Just buy a phone.</p>"),
    (27019, 0, "wrenfield", 270045, 2, "Funny", "My cat approves", "oneline",
     "<p>She sleeps on it because the glass stays warm after a scan.</p>"),
    (27020, 0, "ospreyline", 188802, 3, "Insightful", "Landfill math", "full",
     "<p>Every scanner that keeps working is about six kilograms of plastic and glass that stays out of a landfill."
     " Multiply by the number of these that were sold and the driver is an environmental project.</p>"),
    (27021, 27020, "pmlowe", 330451, 1, None, "Re:Landfill math", "full",
     "<p>And the power supply is a brick that would outlive all of us.</p>"),
    (27022, 27021, None, None, 0, "Offtopic", "Re:Landfill math", "oneline",
     "<p>Speaking of bricks, anyone have a spare for a 1996 laptop?</p>"),
    (27023, 0, "tealfinch", 733190, 0, None, "Windows 7?", "oneline",
     "<p>Will there be a Windows 7 driver too, or only Linux?</p>"),
    (27024, 27023, "bitterroot", 77120, 2, None, "Re:Windows 7?", "full",
     "<p>The protocol notes are public. Someone will write one; it is the easy part now.</p>"),
    (27025, 0, "kittiwake", 55980, 1, None, "Works here", "full",
     "<p>Tried it on a 1998 model this morning: <i>it just works</i>. Colour is a bit cold, but the gamma table fixes"
     " that.</p>"),
    (27026, 27025, None, None, 1, None, "Re:Works here", "oneline",
     "<p>Which distribution? Mine needs a udev rule first.</p>"),
    (27027, 27026, "kittiwake", 55980, 2, None, "Re:Works here", "full",
     "<p>Needed one here too:</p><pre>SUBSYSTEM==\"usb\", ATTR{idVendor}==\"04a7\", MODE=\"0664\", GROUP=\"scanner\"</pre>"),
    (27028, 0, None, None, -1, "Redundant", "Re:First scan!", "hidden",
     "<p>Second scan.</p>"),
    (27029, 0, "ternwick", 402211, 5, "Interesting", "The museum angle", "full",
     "<p>Archives and small museums run on old hardware because the budget for new hardware never comes. A working"
     " driver for a common 1998 scanner matters more to them than a new scanner would.</p>"
     "<p>Our local history society digitised four thousand glass negatives on one of these.</p>"),
    (27030, 27029, "grey_heron", 1022334, 3, None, "Re:The museum angle", "full",
     "<p>Four thousand negatives on a flatbed is dedication. How long did that take?</p>"),
    (27031, 27030, "ternwick", 402211, 3, None, "Re:The museum angle", "full",
     "<p>Two volunteers, Tuesday evenings, three years. The scanner outlasted one of the volunteers' marriages.</p>"),
    (27032, 27031, None, None, 2, "Funny", "Re:The museum angle", "oneline",
     "<p>Scanner: 1, marriage: 0.</p>"),
]

LIBRARY = [
    (61500101, 0, "copperkettle", 5512880, 5, "Insightful", "Tools are a public good", "full",
     "<p>A library that lends tools is doing the same thing it always did: sharing things that are expensive to own"
     " and cheap to share. Books were once the expensive thing.</p>"),
    (61500115, 61500101, None, None, 2, "Funny", "Re:", "oneline",
     "<p>Next: lending 3D printers. Then the waiting list will be for the filament.</p>"),
    (61500130, 61500115, "maplewright", 3390112, 4, "Informative", "Re:Tools are a public good", "full",
     "<div class=\"quote\"><p>Next: lending 3D printers.</p></div><p>Ours already does. The trick is that you book"
     " print time on a machine that stays in the library, like the old microfilm readers.</p>"),
    (61500141, 61500130, "BeauHD", 3578, 3, None, "Re:Tools are a public good", "full",
     "<p>Good point, and one the article did not cover. Does anyone know how they handle failed prints?</p>"),
    (61500150, 61500141, "maplewright", 3390112, 3, None, "Re:Tools are a public good", "full",
     "<p>A failed print goes into a box labelled <i>modern art</i> by the door. People take them home.</p>"),
    (61500163, 61500150, None, None, 1, None, "Re:Tools are a public good", "oneline",
     "<p>I would pay for a box of failed prints.</p>"),
    (61500170, 0, "solderpaw", 4401188, 4, "Interesting", "Safety briefing", "full",
     "<p>The article skips how they handle safety. At our library you get a ten minute briefing and sign a card"
     " before the first loan:</p><ul><li>never leave it on unattended</li><li>use the stand</li>"
     "<li>lead-free solder only</li></ul><p>The card also has the opening hours on the back, which is clever.</p>"),
    (61500172, 61500170, "pinecone_77", 6120934, 2, None, "Re:Safety briefing", "full",
     "<p>Lead-free only is a shame for repair work on older boards, but I understand why.</p>"),
    (61500174, 61500172, "solderpaw", 4401188, 2, None, "Re:Safety briefing", "full",
     "<p>They keep leaded solder behind the desk for the repair café evenings, with a fume extractor.</p>"),
    (61500176, 61500174, None, None, 0, None, "Re:Safety briefing", "oneline",
     "<p>A repair café at the library? I want to live there.</p>"),
    (61500180, 0, None, None, -1, "Troll", "Waste of tax money", "hidden",
     "<p>Libraries should be about books. Full stop.</p>"),
    (61500181, 61500180, "copperkettle", 5512880, 3, None, "Re:Waste of tax money", "full",
     "<p>The whole tool shelf cost less than one month of the magazine subscriptions, according to the budget they"
     " published. And the waiting list says people use it.</p>"),
    (61500190, 0, "fernbrook", 7701234, 3, "Informative", "Our numbers", "full",
     "<p>We run a similar scheme in a town of 30,000. Numbers from last year, in case anyone wants to pitch it to"
     " their own library:</p><pre>loans        1,840\ntools lost       3\ntools broken    11\ncost / loan  $0.42</pre>"
     "<p>The broken ones were mostly the cheap multimeters. Buy good multimeters.</p>"),
    (61500192, 61500190, "hollowreed", 2209871, 2, None, "Re:Our numbers", "full",
     "<p>Three lost out of 1,840 is better than our book losses.</p>"),
    (61500194, 61500192, "fernbrook", 7701234, 3, "Insightful", "Re:Our numbers", "full",
     "<p>People return things they know someone else is waiting for. The waiting list is the deposit.</p>"),
    (61500196, 61500194, None, None, 1, None, "Re:Our numbers", "oneline",
     "<p>That is a surprisingly nice thought for Slashdot.</p>"),
    (61500198, 61500196, "hollowreed", 2209871, 2, "Funny", "Re:Our numbers", "full",
     "<p>Don't worry, someone will be along shortly to complain about systemd.</p>"),
    (61500200, 61500198, None, None, 0, None, "Re:Our numbers", "oneline",
     "<p>Systemd would have a unit file for the waiting list.</p>"),
    (61500202, 61500200, "pinecone_77", 6120934, 1, None, "Re:Our numbers", "full",
     "<p>And it would start the soldering irons in parallel.</p>"),
    (61500204, 61500202, "fernbrook", 7701234, 1, None, "Re:Our numbers", "full",
     "<p>Which is exactly what the safety card tells you not to do.</p>"),
    (61500210, 0, "gullwing", 891100, 1, None, "What brand?", "full",
     "<p>Does anyone know which irons they bought? Temperature controlled, I hope.</p>"),
    (61500212, 61500210, "solderpaw", 4401188, 2, None, "Re:What brand?", "full",
     "<p>The photos show a common temperature controlled station with a ceramic element. Fine for beginners.</p>"),
    (61500220, 0, None, None, 0, None, "Kids these days", "oneline",
     "<p>When I was young we borrowed the neighbour's iron and returned it with a new dent.</p>"),
    (61500230, 0, "stonechat", 1200456, 2, "Interesting", "Kits too", "full",
     "<p>Ours lends small kits along with the iron: a blinking LED board, a radio, a clock. You keep what you build."
     " The kits are what drives the waiting list, I think, not the irons.</p>"),
    (61500232, 61500230, "BeauHD", 3578, 2, None, "Re:Kits too", "full",
     "<p>That matches what the librarian in the article said about weekend demand from parents.</p>"),
    (61500240, 0, None, None, -1, "Offtopic", "Off topic", "hidden",
     "<p>Anyone know a good pizza place near the library?</p>"),
    (61500250, 0, "wagtail", 3300012, 1, None, "Insurance?", "truncated",
     "<p>I would love to see this in our town, but every time it comes up at the council meeting the first question"
     " is about insurance, and the second is about who cleans the tips, and by the third question everyone has"
     " forgotten that the point was to let people fix their own things instead of throwing them away. Has anyone"
     " found an argument that gets past the insurance ques</p>"),
    (61500252, 61500250, "fernbrook", 7701234, 3, "Informative", "Re:Insurance?", "full",
     "<p>Our library's existing liability policy already covered it; the tools are treated like any other loaned"
     " item. Ask your library to check before the council does.</p>"),
]

HN = [
    (37900101, 0, "orchardlane", 0, "<p>A 1994 mechanical keyboard. The switches have outlived four computers and"
     " one office move where it was nearly thrown away.</p>"),
    (37900102, 37900101, "tidepool", 1, "<p>Same here, with a 1989 one. The trick was a PS/2 to USB adapter that"
     " does not drop keys when you type fast.</p>"),
    (37900103, 37900102, "orchardlane", 2, "<p>Which adapter? Mine drops the second key of every fast pair.</p>"),
    (37900104, 37900103, "tidepool", 3, "<p>An active one with a microcontroller inside, not the passive kind. The"
     " passive ones only work with keyboards that speak USB already.</p>"),
    (37900105, 37900104, "quarrystone", 4, "<p>There is also an open firmware for the common adapter chips that"
     " fixes the timing: <a href=\"https://github.example/adapter-fw\">github.example/adapter-fw</a></p>"),
    (37900106, 37900105, "orchardlane", 5, "<p>Ordered. Thank you, this thread has been more useful than the"
     " three forums I asked in.</p>"),
    (37900107, 0, "bramblefield", 0, "<p>An HP calculator from 1988. Reverse Polish notation ruined every other"
     " calculator for me.</p>"),
    (37900108, 37900107, "saltmeadow", 1, "<p>Same model on my desk. The battery door is held on with tape but the"
     " keys feel better than anything made today.</p>"),
    (37900109, 37900107, "ironbridge", 1, "<p>I still do <code>3 ENTER 4 +</code> on phone calculators and get"
     " confused when nothing happens.</p>"),
    (37900110, 0, "millrace", 0, "<p>A 2006 laptop that runs the label printer in our workshop. It has no network"
     " and no updates, which is a feature.</p><p>It boots in 40 seconds, which is faster than the new one.</p>"),
    (37900111, 37900110, "copseway", 1, "<p>Air-gapped by neglect. The most secure machine in the building.</p>"),
    (37900112, 37900111, "millrace", 2, "<p>Until someone plugs in a USB stick to print a shipping label.</p>"),
    (37900113, 0, "harrowgate", 0, "<p>My father's 1979 oscilloscope. Tubes, a CRT, and a manual with full"
     " schematics in the back. You cannot buy a manual like that for any instrument today.</p>"),
    (37900114, 37900113, "fenwick_sound", 1, "<blockquote><p>a manual with full schematics in the back</p>"
     "</blockquote><p>This is the real loss. Repairability was a default, not a movement.</p>"),
    (37900115, 37900114, "harrowgate", 2, "<p>Agreed. I fixed it twice from that manual. The second time the fault"
     " was a capacitor that had been drifting since before I was born.</p>"),
    (37900116, 0, "lowmoor", 0, "<p>A 2001 flatbed scanner. There is a community driver for it now, it works better"
     " than it did on Windows 98.</p>"),
    (37900117, 37900116, "wychelm", 1, "<p>Which model? I have one in the loft that I was about to throw out.</p>"),
    (37900118, 37900117, "lowmoor", 2, "<p>Check the project's list before you throw it out. Most of the common"
     " ones from that era are covered.</p>"),
    (37900119, 0, "ashgrove", 0, "<p>Honestly, a pencil sharpener from the 1960s. Cast iron, clamps to the desk."
     " Hardware counts, right?</p>"),
    (37900120, 37900119, "sedgebank", 1, "<p>It counts. It is also the only device in this thread with no firmware"
     " to update.</p>"),
    (37900121, 0, "thornfield", 0, "<p>A 1997 monitor for the serial console on the home server. It weighs as much"
     " as a small dog and shows text beautifully.</p>"),
    (37900122, 37900121, "larkspur_io", 1, "<p>CRTs for text are underrated. No scaling, no latency, no"
     " backlight bleed.</p>"),
    (37900123, 37900122, "thornfield", 2, "<p>And it warms the cupboard in winter.</p>"),
]

# ----------------------------------------------------------------------------------------------- helpers

def esc(s):
    return html.escape(s, quote=True)


def children(spec, parent):
    return [c for c in spec if c[1] == parent]


def js_str(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def d2_metadata(spec, roots):
    parts = []
    for c in spec:
        cid, pid, author, uid, score, label, subject, mode, body = c
        kids = ", ".join(str(k[0]) for k in children(spec, cid))
        u = 666 if author is None else uid
        subj = "" if pid == 0 else "subject: %s, " % js_str(subject)
        parts.append("%d: { uid: %d, pid: %d, %sread: 0, points: %d, kids: [ %s ], opid: %d }"
                     % (cid, u, pid, subj, score, kids, pid))
    return ("D2.comments({ " + ", ".join(parts) + " });\nD2.root_comments([" + ",".join(str(r) for r in roots)
            + "]);\nD2.more_comments_num(0);")


# ----------------------------------------------------------------------------------------------- slashdot 2009 (D2)

def sd2009_comment(spec, c, host, sid_num, date_of):
    cid, pid, author, uid, score, label, subject, mode, body = c
    kids = children(spec, cid)
    cls = {"full": "full", "truncated": "full", "oneline": "oneline", "hidden": "hidden"}[mode]
    out = ['<li id="tree_%d" class="comment%s">' % (cid, " contain" if mode != "hidden" else "")]
    out.append('<div id="comment_status_%d" class="commentstatus"></div>' % cid)
    if mode == "hidden":
        out.append('<div id="comment_%d" class="hidden">\n</div>' % cid)
    else:
        link = "//%s/comments.pl?sid=%d&amp;cid=%d" % (host, sid_num, cid)
        lab = ", %s" % label if label else ""
        by = ("by Anonymous Coward" if author is None else
              'by <a href="//slashdot.org/~%s">%s (%d)</a>' % (esc(author.replace(" ", "+")), esc(author), uid))
        when = "" if mode == "oneline" else "\n\t\ton %s (<a href=\"%s\">#%d</a>)\n" % (date_of(cid), link, cid)
        shrunk = ""
        if mode == "truncated":
            shrunk = ('<div id="comment_shrunk_%d" class="commentshrunk"><a href="//%s/comments.pl?sid=%d&amp;'
                      'threshold=1&amp;commentsort=0&amp;mode=thread&amp;cid=%d">Read the rest of this comment...'
                      '</a></div>' % (cid, host, sid_num, cid))
        out.append('''<div id="comment_%(cid)d" class="%(cls)s">
	<div id="comment_top_%(cid)d" class="commentTop newcomment">
		<div class="title">
			<h4><a id="comment_link_%(cid)d" name="comment_link_%(cid)d" href="%(link)s" onclick="return D2.setFocusComment(%(cid)d)">%(subject)s</a>
		 	<span id="comment_score_%(cid)d" class="score"> (<a href="#">Score:%(score)d</a>%(lab)s)</span></h4>
		</div>
		<div class="details">
			%(by)s
			<span class="otherdetails" id="comment_otherdetails_%(cid)d">%(when)s</span>
		</div>
	</div>
	<div class="commentBody">
		<div id="comment_body_%(cid)d">%(body)s</div>%(shrunk)s
	</div>
	<div class="commentSub" id="comment_sub_%(cid)d">
</div>
</div>''' % dict(cid=cid, cls=cls, link=link, subject=esc(subject) if mode != "oneline" or pid == 0 else "Re:",
                 score=score, lab=lab, by=by, when=when, body=body, shrunk=shrunk))
    out.append('<div id="replyto_%d"></div>\n<ul id="group_%d">\n\t<li id="hiddens_%d" class="hide"></li>\n</ul>'
               % (cid, cid, cid))
    if kids:
        out.append('<ul id="commtree_%d">' % cid)
        for k in kids:
            out.append(sd2009_comment(spec, k, host, sid_num, date_of))
        out.append('</ul>')
    out.append('</li>')
    return "\n".join(out)


def slashdot_2009():
    host = "hardware.slashdot.org"
    sid_num = 1158802
    days = ["Thursday March 12, @%s" % t for t in
            ["02:51PM", "02:58PM", "03:04PM", "03:10PM", "03:22PM", "03:35PM", "03:41PM", "03:59PM", "04:12PM",
             "04:30PM", "04:47PM", "05:03PM", "05:26PM", "05:40PM", "06:02PM", "06:15PM", "06:33PM", "07:01PM",
             "07:20PM", "07:44PM", "08:05PM", "08:31PM", "09:12PM", "09:40PM", "10:18PM", "10:55PM", "11:30PM",
             "11:52PM"]] + ["Friday March 13, @%s" % t for t in ["12:20AM", "01:05AM", "07:45AM", "08:30AM"]]
    order = [c[0] for c in SCANNER]
    date_of = lambda cid: days[order.index(cid) % len(days)]
    roots = [c[0] for c in SCANNER if c[1] == 0]
    body = "\n".join(sd2009_comment(SCANNER, c, host, sid_num, date_of) for c in SCANNER if c[1] == 0)
    return '''<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN"
            "http://www.w3.org/TR/html4/strict.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>Slashdot | Open Source Driver Revives 1998 Flatbed Scanners</title>
<link rel="stylesheet" type="text/css" media="screen, projection" href="//images.slashdot.org/core-tidied.css?T_2_5_0_244">
<script src="//images.slashdot.org/all-minified.js?T_2_5_0_244" type="text/javascript"></script>
</head>
<body>
<div id="articles">
<div class="article" id="art1">
<div class="generaltitle" >
	<div class="title">
		<h3 >
			<a href="//hardware.slashdot.org/article.pl?sid=09/03/12/1423211">Open Source Driver Revives 1998 Flatbed Scanners</a>
		</h3>
	</div>
</div>
	<div class="details">
	<b>Posted by
	<a href="http://www.example.com/~timothy/">timothy</a>
	on Thursday March 12, @02:38PM</b><br>
	<strong>from the <b>still-scanning-after-all-these-years</b> dept.</strong>
	</div>
	<div class="body">
		<div class="topic">
			<a href="//hardware.slashdot.org/search.pl?tid=137">
				<img src="//images.slashdot.org/topics/topichardware.gif" width="64" height="64" alt="Hardware" title="Hardware" >
			</a>
					<a href="//linux.slashdot.org/search.pl?tid=106" class="topic2">
						<img src="//images.slashdot.org/topics/topiclinux.gif" width="64" height="64" alt="Linux" title="Linux" >
					</a>
		</div>
		<div class="intro">
			sandpiper writes <i>"A volunteer has released <a href="http://www.example.org/scanner-driver">an open source driver</a> for a family of USB flatbed scanners sold in 1998 and 1999, whose maker stopped shipping drivers after Windows 98. The protocol was worked out from captured USB traffic, and the driver now supports colour calibration, the transparency unit and the front-panel buttons. 'They were good scanners,' the author says, 'and there are still millions of them in cupboards.'"</i>
		</div>
	</div>
</div>
<div id="tagbox-09-03-12-1423211" class="tags">
	<span class="tagname"><a href="/tags/drivers">drivers</a></span>, <span class="tagname"><a href="/tags/retrocomputing">retrocomputing</a></span>
</div>
</div>
<div class="commentwrap" id="commentwrap">
	<div class="commentBox">
		<span class="titlecount"><a href="//hardware.slashdot.org/article.pl?sid=09/03/12/1423211#topcomment" title="Back to Top Comment"><span id="titlecountnum">%(count)d</span>&nbsp;Comments</a></span>
	</div>
</div>
<script type="text/javascript">
	D2.boxStatus(1);
%(meta)s
</script>
		<ul id="commentlisting" class="d2">
%(body)s
		</ul>
</body>
</html>
''' % dict(count=len(SCANNER), meta=d2_metadata(SCANNER, roots), body=body)


# ----------------------------------------------------------------------------------------------- slashdot current

def sd_current_comment(spec, c, host, sid_num, date_of):
    cid, pid, author, uid, score, label, subject, mode, body = c
    kids = children(spec, cid)
    cls = {"full": "full contain", "truncated": "full contain", "oneline": "oneline", "hidden": "hidden"}[mode]
    out = ['<li id="tree_%d" class="comment %s"><span class="ind"></span>' % (cid, cls)]
    out.append('<div id="comment_status_%d" class="commentstatus"></div>' % cid)
    if mode != "hidden":
        link = "//%s/comments.pl?sid=%d&amp;cid=%d" % (host, sid_num, cid)
        lab = ", %s" % label if label else ""
        if author is None:
            by = '<span class="by"><span class="byby">by </span>Anonymous Coward</span>'
        else:
            slug = esc(author.replace(" ", "+"))
            by = ('<span class="by"><span class="byby">by </span><a href="//slashdot.org/~%s">%s</a>  '
                  '<span class="uid"><a href="//slashdot.org/~%s">( %d )</a></span></span>' % (slug, esc(author), slug, uid))
        when = "" if mode == "oneline" else ('\n\t\ton %s (<span class="ind"></span><a href="%s">#%d</a>)\n'
                                             % (date_of(cid), link, cid))
        shrunk = ""
        if mode == "truncated":
            shrunk = ('<div id="comment_shrunk_%d" class="commentshrunk"><a href="//%s/comments.pl?sid=%d&amp;'
                      'cid=%d">Read the rest of this comment...</a></div>' % (cid, host, sid_num, cid))
        out.append('''<div id="comment_%(cid)d" class="cw">
	<div id="comment_top_%(cid)d" class="commentTop newcomment">
		<div class="title">
			<h4><a id="comment_link_%(cid)d" name="comment_link_%(cid)d" href="%(link)s" onclick="return D2.setFocusComment(%(cid)d)" >%(subject)s</a>
		 	<span id="comment_score_%(cid)d" class="score"> (<a href="#"><span class=opt>Score:</span>%(score)d</a>%(lab)s)</span></h4>
		</div>
		<div class="details">
			%(by)s<span class="writes" style="display:none"> writes:</span>
			<span class="otherdetails" id="comment_otherdetails_%(cid)d">%(when)s</span>
		</div>
	</div>
	<div class="commentBody">
		<div id="comment_body_%(cid)d">%(body)s</div>%(shrunk)s
	</div>
	<div class="commentSub" id="comment_sub_%(cid)d">
	<a href="#" class="comment_share_toggle btn link">Share</a>
</div>
</div>''' % dict(cid=cid, link=link, subject=esc(subject) if mode != "oneline" or pid == 0 else "Re:",
                 score=score, lab=lab, by=by, when=when, body=body, shrunk=shrunk))
    out.append('<div id="replyto_%d"></div>\n<ul id="group_%d">\n\t<li id="hiddens_%d" class="hide"></li>\n</ul>'
               % (cid, cid, cid))
    if kids:
        out.append('<ul id="commtree_%d">' % cid)
        for k in kids:
            out.append(sd_current_comment(spec, k, host, sid_num, date_of))
        out.append('</ul>')
    out.append('</li>')
    return "\n".join(out)


def slashdot_current():
    host = "hardware.slashdot.org"
    sid_num = 20644117
    times = ["01:02PM", "01:10PM", "01:17PM", "01:25PM", "01:33PM", "01:48PM", "02:02PM", "02:16PM", "02:31PM",
             "02:45PM", "03:01PM", "03:18PM", "03:36PM", "03:52PM", "04:09PM", "04:27PM", "04:46PM", "05:05PM",
             "05:24PM", "05:44PM", "06:04PM", "06:25PM", "06:46PM", "07:08PM", "07:30PM", "07:53PM", "08:16PM"]
    order = [c[0] for c in LIBRARY]
    date_of = lambda cid: "Wednesday June 09, 2021 @" + times[order.index(cid) % len(times)]
    roots = [c[0] for c in LIBRARY if c[1] == 0]
    body = "\n".join(sd_current_comment(LIBRARY, c, host, sid_num, date_of) for c in LIBRARY if c[1] == 0)
    url = "//hardware.slashdot.org/story/21/06/09/1648207/city-library-starts-lending-soldering-irons-waiting-list-hits-400"
    return '''<!-- html-header type=current begin -->
	<!DOCTYPE html>
	<html lang="en">
	<head>
	<meta charset="utf-8">
	<title>City Library Starts Lending Soldering Irons, Waiting List Hits 400 - Slashdot</title>
	<meta property="og:url" content="https:%(url)s">
	<meta property="og:title" content="City Library Starts Lending Soldering Irons, Waiting List Hits 400 - Slashdot">
	<link rel="canonical" href="https:%(url)s">
	<link rel="stylesheet" type="text/css" media="screen, projection" href="//a.fsdn.com/sd/classic.css?5c1a77e0" >
	<script src="//a.fsdn.com/sd/all-minified.js?5c1a77e0" type="text/javascript"></script>
	</head>
	<body class="anon firehose ">
<div class="container">
	<div class="main-wrap has-rail-right">
		<div class="main-content">
			<div id="firehose" class="nothumbs ">
				<div id="firehoselist" class="fhroot row ">
					<article id="firehose-149901177" data-fhid="149901177" data-fhtype="story" class="fhitem fhitem-story article usermode thumbs grid_24">
<header>
		<span class="topic" id="topic-149901177">
		<a href="//hardware.slashdot.org/index2.pl?fhfilter=hardware"><img src="//a.fsdn.com/sd/topics/hardware_64.png" width="64" height="64" alt="Hardware" title="Hardware"></a>
		<a href="//slashdot.org/index2.pl?fhfilter=education"><img src="//a.fsdn.com/sd/topics/education_64.png" width="64" height="64" alt="Education" title="Education"></a>
		</span>
	<h1 class="story">
		<span id="title-149901177" class="story-title"> <a href="%(url)s">City Library Starts Lending Soldering Irons, Waiting List Hits 400</a> <span class=" no extlnk"><a class="story-sourcelnk" href="https://news.example.net/library-tools" title="External link - https://news.example.net/library-tools" target="_blank"> (example.net) </a></span></span>
			<span class="comment-bubble"><a href="%(url)s#comments" title="">%(count)d</a></span>
	</h1>
	<div class="details" id="details-149901177">
		<span class="story-byline">
			Posted
				by
				  BeauHD
		<time id="fhtime-149901177" datetime="on Wednesday June 09, 2021 @12:45PM">on Wednesday June 09, 2021 @12:45PM</time>
			 from the <span class="dept-text">hot-ends</span> dept.
		</span>
	</div>
</header>
<div class="body" id="fhbody-149901177">
		<div id="text-149901177" class="p">
				An anonymous reader quotes a report: <i>A public library has added soldering irons, multimeters and small electronics kits to its <a href="https://news.example.net/library-tools">lending catalogue</a>, and the waiting list passed 400 names in its first month. "People come in to borrow an iron for one evening to fix a lamp or a toy," the head librarian said. "We thought it would be a curiosity. It is now our most requested item after the new crime novels."<br> <br>Borrowers sit a ten minute safety briefing before their first loan. The library plans to add a monthly repair evening with volunteers in the autumn.</i>
		</div>
</div>
	<aside class="grid_24 view_mode">
		<div class="story-tags"><span class="tright tags"><menu type="toolbar" class="edit-bar">
		<span id="tagbar-149901177" class="tag-bar none"><a class="tag" href="/tag/libraries">libraries</a><a class="tag" href="/tag/repair">repair</a></span>
		</menu></span></div>
	</aside>
	</article>
				</div>
			</div>
		</div>
	</div>
</div>
<div class="container">
	<div class="main-wrap">
		<div class="main-content">
			<div id="comments" class="a2commentwrap">
<script type="text/javascript">
<!--
%(meta)s
//-->
</script>
		<ul id="commentlisting" class="d2">
%(body)s
		</ul>
			</div>
		</div>
	</div>
</div>
</body>
</html>
''' % dict(url=url, count=len(LIBRARY), meta=d2_metadata(LIBRARY, roots), body=body)


# ----------------------------------------------------------------------------------------------- hacker news

def hacker_news():
    story_id = 37900100
    depth = {}
    rows = []
    base = 1697712000  # 2023-10-19T10:40:00Z
    for i, (cid, pid, user, _, body) in enumerate(HN):
        depth[cid] = 0 if pid == 0 else depth[pid] + 1
    # comments in page order: depth-first
    def walk(parent):
        for c in HN:
            if c[1] == parent:
                yield c
                yield from walk(c[0])
    for c in walk(0):
        cid, pid, user, _, body = c
        t = base + (cid - 37900100) * 540
        iso = __import__("datetime").datetime.utcfromtimestamp(t).strftime("%Y-%m-%dT%H:%M:%S")
        d = depth[cid]
        navs = (' | <a href="#%d" class="clicky" aria-hidden="true">parent</a>' % pid) if pid else ""
        n = 1 + sum(1 for x in HN if x[1] == cid)
        rows.append('''<tr class="athing comtr" id="%(cid)d"><td><table border="0">  <tr>    <td class="ind" indent="%(d)d"><img src="s.gif" height="1" width="%(w)d"></td><td valign="top" class="votelinks">
      <center><a id='up_%(cid)d' class='clicky' href='vote?id=%(cid)d&amp;how=up&amp;goto=item%%3Fid%%3D%(sid)d'><div class='votearrow' title='upvote'></div></a></center>    </td><td class="default"><div style="margin-top:2px; margin-bottom:-10px;"><span class="comhead">
          <a href="user?id=%(user)s" class="hnuser">%(user)s</a> <span class="age" title="%(iso)s %(t)d"><a href="item?id=%(cid)d">on Oct 19, 2023</a></span> <span id="unv_%(cid)d"></span>          <span class="navs">
              %(navs)s <a class="togg clicky" id="%(cid)d" n="%(n)d" href="javascript:void(0)">[&#x2013;]</a><span class="onstory"></span>          </span>
                  </span></div><br><div class="comment">
                  <div class="commtext c00">%(body)s</div>
              <div class='reply'>        <p><font size="1">
                      <u><a href="reply?id=%(cid)d&amp;goto=item%%3Fid%%3D%(sid)d%%23%(cid)d" rel="nofollow">reply</a></u>
                  </font>
      </p></div></div></td></tr>
        </table></td></tr>''' % dict(cid=cid, d=d, w=40 * d, sid=story_id, user=user, iso=iso, t=t, navs=navs,
                                      n=n, body=body.replace("<p>", "", 1).replace("</p>", "", 1)
                                      if body.startswith("<p>") else body))
    return '''<html lang="en" op="item"><head><meta name="referrer" content="origin"><meta name="viewport" content="width=device-width, initial-scale=1.0"><link rel="stylesheet" type="text/css" href="news.css?nFXXPOmIwQtzMUr3Kg1c">
        <link rel="icon" href="y18.svg">
        <title>Ask HN: What is the oldest hardware you still use every day? | Hacker News</title></head><body><center><table id="hnmain" border="0" cellpadding="0" cellspacing="0" width="85%%" bgcolor="#f6f6ef">
        <tr><td bgcolor="#ff6600"><table border="0" cellpadding="0" cellspacing="0" width="100%%" style="padding:2px"><tr><td style="width:18px;padding-right:4px"><a href="https://news.ycombinator.com"><img src="y18.svg" width="18" height="18" style="border:1px white solid; display:block"></a></td>
                  <td style="line-height:12pt; height:10px;"><span class="pagetop"><b class="hnname"><a href="news">Hacker News</a></b>
                            <a href="newest">new</a> | <a href="front">past</a> | <a href="newcomments">comments</a> | <a href="ask">ask</a> | <a href="show">show</a> | <a href="jobs">jobs</a> | <a href="submit" rel="nofollow">submit</a>            </span></td><td style="text-align:right;padding-right:4px;"><span class="pagetop">
                              <a href="login?goto=item%%3Fid%%3D%(sid)d">login</a>
                          </span></td>
              </tr></table></td></tr>
<tr id="pagespace" title="Ask HN: What is the oldest hardware you still use every day?" style="height:10px"></tr><tr><td><table class="fatitem" border="0">
        <tr class='athing submission' id='%(sid)d'>
      <td align="right" valign="top" class="title"><span class="rank"></span></td>      <td valign="top" class="votelinks"><center><a id='up_%(sid)d' href='vote?id=%(sid)d&amp;how=up&amp;goto=item%%3Fid%%3D%(sid)d'><div class='votearrow' title='upvote'></div></a></center></td><td class="title"><span class="titleline"><a href="item?id=%(sid)d">Ask HN: What is the oldest hardware you still use every day?</a></span></td></tr><tr><td colspan="2"></td><td class="subtext"><span class="subline">
          <span class="score" id="score_%(sid)d">212 points</span> by <a href="user?id=kilnworks" class="hnuser">kilnworks</a> <span class="age" title="2023-10-19T10:31:00 1697711460"><a href="item?id=%(sid)d">on Oct 19, 2023</a></span> <span id="unv_%(sid)d"></span> | <a href="hide?id=%(sid)d&amp;goto=item%%3Fid%%3D%(sid)d">hide</a> | <a href="item?id=%(sid)d">%(count)d&nbsp;comments</a>        </span>
              </td></tr>
    <tr style="height:2px"></tr><tr><td colspan="2"></td><td><div class="toptext">Mine is a 1996 laser printer that has printed every boarding pass and tax return I have needed since. I replaced the drum once.<p>What old hardware is still earning its keep for you, and what keeps it going?</p></div></td></tr>        <tr style="height:10px"></tr>
  </table><br><br><table border="0" class='comment-tree'>
%(rows)s
</table>
<br><br></td></tr>
<tr><td><img src="s.gif" height="10" width="0"><table width="100%%" cellspacing="0" cellpadding="1"><tr><td bgcolor="#ff6600"></td></tr></table><br>
<center><span class="yclinks"><a href="newsguidelines.html">Guidelines</a> | <a href="newsfaq.html">FAQ</a></span></center></td></tr></table></center></body></html>
''' % dict(sid=story_id, count=len(HN), rows="\n".join(rows))


if __name__ == "__main__":
    pages = {
        "slashdot-2009-03-12_scanner-driver.html": (slashdot_2009(), "iso-8859-1"),
        "slashdot-2021-06-09_library-soldering-irons.html": (slashdot_current(), "utf-8"),
        "hackernews-2023-10-19_oldest-hardware.html": (hacker_news(), "utf-8"),
    }
    for name, (text, charset) in pages.items():
        with open(name, "w", encoding=charset, errors="xmlcharrefreplace") as f:
            f.write(text)
    with open("index.txt", "w", encoding="utf-8") as f:
        f.write("# Sample pages imported into an empty archive on first run (written by make_samples.py)\n")
        for name in pages:
            f.write(name + "\n")
