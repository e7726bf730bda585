"""What every Python UNO script of the tests needs: a property value, and the Desktop of the soffice listening on
a pipe (waiting while it starts)."""
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    last = None
    for _ in range(240):
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception as err:  # soffice still starting
            last = err
            time.sleep(0.25)
    raise RuntimeError(f"no soffice on pipe {pipe}: {last}")
